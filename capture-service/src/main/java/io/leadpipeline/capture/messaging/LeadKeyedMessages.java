package io.leadpipeline.capture.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** A message for a lead's topic: keyed by lead id, so all of one lead's events stay in order on one partition. */
final class LeadKeyedMessages {

    private LeadKeyedMessages() {
    }

    static <T> Message<T> to(String topic, String leadId, T event) {
        return Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(leadId)
                .build());
    }
}
