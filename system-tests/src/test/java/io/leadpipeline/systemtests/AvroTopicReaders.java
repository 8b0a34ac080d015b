package io.leadpipeline.systemtests;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.testkit.EventTopics;

/** Readers of a pipeline topic that decode values through the stack's registry into the generated event classes. */
final class AvroTopicReaders {

    private AvroTopicReaders() {
    }

    static <T> TopicReader<T> reader(DevStack stack, String topic) {
        return new EventTopics(stack.clientSettings(), stack.registryUrl()).reader(topic);
    }
}
