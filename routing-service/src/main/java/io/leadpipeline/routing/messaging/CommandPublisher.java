package io.leadpipeline.routing.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.routing.config.Channels;
import io.leadpipeline.routing.config.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes the HTTP API's commands to the topics the routing desk reads: closers' answers keyed by lead id,
 * availability keyed by closer id. Returns once the broker acknowledged (acks=all), or throws.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<HandoffResponseSubmitted> responses;
    private final MutinyEmitter<CloserAvailabilityChanged> availability;

    public CommandPublisher(@Channel(Channels.HANDOFF_RESPONSES) MutinyEmitter<HandoffResponseSubmitted> responses,
            @Channel(Channels.CLOSER_AVAILABILITY) MutinyEmitter<CloserAvailabilityChanged> availability) {
        this.responses = responses;
        this.availability = availability;
    }

    public void publish(HandoffResponseSubmitted response) {
        responses.sendMessage(Message.of(response).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.HANDOFF_RESPONSES).withKey(response.getLeadId()).build())).await().atMost(ACK_TIMEOUT);
    }

    public void publish(CloserAvailabilityChanged change) {
        availability.sendMessage(Message.of(change).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.CLOSER_AVAILABILITY).withKey(change.getCloserId()).build())).await().atMost(ACK_TIMEOUT);
    }
}
