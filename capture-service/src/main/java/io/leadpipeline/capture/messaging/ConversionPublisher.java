package io.leadpipeline.capture.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.leadpipeline.capture.config.Channels;
import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.events.ConversionCaptured;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Writes conversions to lead.conversions keyed by lead id; the returned Uni completes when the broker acknowledged. */
@ApplicationScoped
public class ConversionPublisher {

    private final MutinyEmitter<ConversionCaptured> emitter;

    public ConversionPublisher(@Channel(Channels.CONVERSIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<ConversionCaptured> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(ConversionCaptured conversion) {
        return emitter.sendMessage(LeadKeyedMessages.to(Topics.CONVERSIONS, conversion.getLeadId(), conversion));
    }
}
