package io.leadpipeline.capture.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.leadpipeline.capture.config.Channels;
import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.events.EngagementTracked;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Writes engagements to lead.engagements keyed by lead id; the returned Uni completes when the broker acknowledged. */
@ApplicationScoped
public class EngagementPublisher {

    private final MutinyEmitter<EngagementTracked> emitter;

    public EngagementPublisher(@Channel(Channels.ENGAGEMENTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<EngagementTracked> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(EngagementTracked engagement) {
        return emitter.sendMessage(LeadKeyedMessages.to(Topics.ENGAGEMENTS, engagement.getLeadId(), engagement));
    }
}
