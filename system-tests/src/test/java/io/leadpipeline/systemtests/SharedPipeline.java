package io.leadpipeline.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running pipeline (with the ops console) for every test class of the run that only adds its own leads and
 * reads them back by key: started by the first class that asks for it, stopped when the whole run ends. A class
 * that kills processes, poisons topics, fills the closers or counts totals starts its own {@link RunningPipeline}.
 * Use it as {@code @ExtendWith(SharedPipeline.class)} and take a {@code RunningPipeline} in a {@code @BeforeAll}.
 */
final class SharedPipeline implements ParameterResolver {

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
