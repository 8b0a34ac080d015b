package io.leadpipeline.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running pipeline (with the ops console) for the test classes of the run: started by the first class that asks
 * for it, stopped when the whole run ends (a pipeline start costs about 40 s on 2 cores). Most classes add their own
 * leads and read them back by key, so they run in any order. The few that need more of the pipeline say where they
 * go with {@code @Order} (junit-platform.properties orders classes by it): the classes that count totals or fill the
 * closers run first, on a fresh pipeline; the one that poisons topics runs last. A class that kills processes, or
 * needs a pipeline set up otherwise, starts its own and runs in the {@link #OWN_PIPELINE_LANE}.
 * Use it as {@code @ExtendWith(SharedPipeline.class)} and take a {@code RunningPipeline} in a {@code @BeforeAll}.
 */
final class SharedPipeline implements ParameterResolver {

    /** Counts the console's totals, so it must see only its own leads. */
    static final int FIRST_COUNTS_TOTALS = 1;
    /** Fills the closers and then frees them all; reads the pools' queue sizes, which must hold only its leads. */
    static final int SECOND_FILLS_THE_CLOSERS = 2;
    /** Leaves records on the input topics that no decoding reader gets past. */
    static final int LAST_POISONS_TOPICS = Integer.MAX_VALUE;

    /**
     * The lock of the classes that start a pipeline of their own (the crash run, the launcher walk-through, the secured
     * broker): with {@code @Execution(CONCURRENT)} they run one after another beside the classes of the shared
     * pipeline, which mostly wait on it, so the run takes about the longer of the two lanes instead of their sum;
     * holding the lock also keeps each such class's own methods in order.
     */
    static final String OWN_PIPELINE_LANE = "a pipeline of its own";

    /** Closed by JUnit when the root context closes, after the last test class. */
    private record Running(RunningPipeline pipeline) implements AutoCloseable {
        @Override
        public void close() {
            pipeline.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPipeline.class;
    }

    @Override
    public RunningPipeline resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedPipeline.class))
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).pipeline();
    }

    private static Running start() {
        try {
            return new Running(RunningPipeline.start(true));
        } catch (Exception e) {
            throw new IllegalStateException("the shared pipeline did not start", e);
        }
    }
}
