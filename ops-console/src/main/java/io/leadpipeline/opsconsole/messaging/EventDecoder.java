package io.leadpipeline.opsconsole.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.kafka.TransientFailures;
import io.leadpipeline.opsconsole.config.Topics;
import io.leadpipeline.opsconsole.domain.ConversionFact;
import io.leadpipeline.opsconsole.domain.DeadLetterFact;
import io.leadpipeline.opsconsole.domain.DecisionFact;
import io.leadpipeline.opsconsole.domain.EngagementFact;
import io.leadpipeline.opsconsole.domain.EnrollmentExitFact;
import io.leadpipeline.opsconsole.domain.EnrollmentFact;
import io.leadpipeline.opsconsole.domain.HandoffFact;
import io.leadpipeline.opsconsole.domain.OutcomeFact;
import io.leadpipeline.opsconsole.domain.PipelineFact;
import io.leadpipeline.opsconsole.domain.ScoreLine;
import io.leadpipeline.opsconsole.domain.TouchFact;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Turns a record of a pipeline topic into a fact: Avro values through the registry (Apicurio's deserializer, the
 * Confluent wire format the services write), dead letters from their {@code dlq.*} headers. Every registry call
 * ends within the registry timeout: Apicurio's own client would wait for an answer for ever (a Vert.x web client
 * without timeouts, joined without one), so a registry that accepts connections but does not answer would hold the
 * reader's thread past Kafka's poll interval (5 minutes), after which the group drops the reader.
 */
final class EventDecoder implements AutoCloseable {

    private static final byte MAGIC_BYTE = 0;
    private static final int WIRE_HEADER_LENGTH = 5;

    private final WebClient registryHttp;
    private final AvroKafkaDeserializer<Object> avro;

    EventDecoder(String registryUrl, Vertx vertx, Duration registryTimeout) {
        int timeoutMillis = Math.toIntExact(registryTimeout.toMillis());
        // Connecting, and then every wait for the next bytes, are bounded: a silent registry's connection is closed,
        // which fails the call as an outage. No retries here: the reader retries the record itself.
        registryHttp = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        avro = new AvroKafkaDeserializer<>(new RegistryClientFacadeImpl(RegistryClientFactory.create(
                RegistryClientOptions.create(registryUrl, vertx).customWebClient(registryHttp))));
        Map<String, Object> config = new HashMap<>(RegistryEventSerdes.avroSettings());
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        avro.configure(config, false);
    }

    /**
     * The record's fact, or null for a record the console does not interpret (an unknown topic, a tombstone).
     *
     * @throws NotInWireFormatException when the value cannot be Avro in the Confluent wire format (never retried)
     * @throws RuntimeException when decoding failed otherwise, e.g. the registry did not answer within the registry
     *         timeout (then {@link #registryUnreachable} is true and a retry is worth it)
     */
    PipelineFact decode(ConsumerRecord<String, byte[]> record) {
        Instant timestamp = Instant.ofEpochMilli(record.timestamp());
        if (Topics.isDeadLetter(record.topic())) {
            return deadLetter(record, timestamp);
        }
        if (!Topics.PIPELINE.contains(record.topic()) || record.value() == null) {
            return null;
        }
        byte[] value = record.value();
        if (value.length < WIRE_HEADER_LENGTH || value[0] != MAGIC_BYTE) {
            throw new NotInWireFormatException("not Avro in the Confluent wire format (" + value.length + " bytes)");
        }
        Object event = avro.deserialize(record.topic(), record.headers(), value);
        return switch (event) {
            case ConversionCaptured conversion -> conversion(conversion);
            case EngagementTracked engagement -> new EngagementFact(engagement.getEngagementId(),
                    engagement.getLeadId(), engagement.getOccurredAt(), engagement.getType(),
                    engagement.getDetail().getUrl(), engagement.getDetail().getCampaign(),
                    engagement.getDetail().getTouchId());
            case QualificationDecided decision -> decision(decision);
            case LeadHandedOff handoff -> new HandoffFact(handoff.getHandoffId(), handoff.getLeadId(),
                    handoff.getHandedOffAt(), handoff.getDecisionId(), handoff.getCloser().getId(),
                    handoff.getCloser().getName(), handoff.getPool(), handoff.getMatchedRule(), handoff.getStrategy(),
                    handoff.getAttempt(), handoff.getSlaDueAt(), handoff.getPreviousHandoffId(),
                    handoff.getEscalated());
            case HandoffOutcomeRecorded outcome -> new OutcomeFact(outcome.getOutcomeId(), outcome.getLeadId(),
                    outcome.getOccurredAt(), outcome.getHandoffId(), outcome.getCloserId(), outcome.getOutcome(),
                    outcome.getReasonCode(), outcome.getNote(), outcome.getAttempt());
            case NurtureEnrollmentChanged changed -> enrollment(changed);
            case NurtureTouchDue touch -> new TouchFact(touch.getTouchId(), touch.getLeadId(), touch.getDueAt(),
                    touch.getEnrollmentId(), touch.getTrack(), touch.getStep(), touch.getTemplate());
            default -> throw new NotInWireFormatException("unexpected record type " + event.getClass().getName()
                    + " on " + record.topic());
        };
    }

    private static ConversionFact conversion(ConversionCaptured conversion) {
        var contact = conversion.getContact();
        var attribution = conversion.getAttribution();
        return new ConversionFact(conversion.getConversionId(), conversion.getLeadId(), conversion.getReceivedAt(),
                conversion.getFormId(), conversion.getFormType(), contact.getCompany(), contact.getJobTitle(),
                contact.getCompanySize(), contact.getCountry(), attribution.getPageUrl(), attribution.getUtmSource(),
                attribution.getUtmCampaign(), conversion.getConsent().getMarketingOptIn());
    }

    private static DecisionFact decision(QualificationDecided decision) {
        return new DecisionFact(decision.getDecisionId(), decision.getLeadId(), decision.getDecidedAt(),
                decision.getStage(), decision.getPreviousStage(), decision.getRejectionReason(),
                decision.getFitScore(), decision.getEngagementScore(), decision.getTotalScore(), decision.getGrade(),
                decision.getReasons().stream()
                        .map(reason -> new ScoreLine(reason.getRuleId(), reason.getPoints(), reason.getDescription()))
                        .toList(),
                decision.getTriggeringEventId(), decision.getCycle(), decision.getRulesVersion());
    }

    private static PipelineFact enrollment(NurtureEnrollmentChanged changed) {
        return switch (changed.getChange()) {
            case NurtureEnrolled enrolled -> new EnrollmentFact(changed.getEventId(), changed.getLeadId(),
                    enrolled.getEnrolledAt(), enrolled.getEnrollmentId(), enrolled.getTrack(), enrolled.getReason(),
                    enrolled.getCycle(), enrolled.getSuppressed(), enrolled.getSuppressionReason());
            case NurtureExited exited -> new EnrollmentExitFact(changed.getEventId(), changed.getLeadId(),
                    exited.getExitedAt(), exited.getEnrollmentId(), exited.getTrack(), exited.getReason(),
                    exited.getCycle());
            default -> throw new NotInWireFormatException("unexpected enrollment change "
                    + changed.getChange().getClass().getName());
        };
    }

    private static DeadLetterFact deadLetter(ConsumerRecord<String, byte[]> record, Instant timestamp) {
        Headers headers = record.headers();
        String partition = header(headers, DeadLetters.HEADER_SOURCE_PARTITION);
        String offset = header(headers, DeadLetters.HEADER_SOURCE_OFFSET);
        return new DeadLetterFact(record.topic() + "/" + record.partition() + "@" + record.offset(), record.key(),
                timestamp, record.topic(),
                headerOr(headers, DeadLetters.HEADER_SOURCE_TOPIC,
                        record.topic().substring(0, record.topic().length() - DeadLetters.SUFFIX.length())),
                header(headers, DeadLetters.HEADER_REASON), header(headers, DeadLetters.HEADER_EXCEPTION),
                header(headers, DeadLetters.HEADER_SERVICE), parseOrNull(partition, Integer::valueOf),
                parseOrNull(offset, Long::valueOf));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String headerOr(Headers headers, String name, String fallback) {
        String value = header(headers, name);
        return value == null ? fallback : value;
    }

    private static <T> T parseOrNull(String text, java.util.function.Function<String, T> parser) {
        try {
            return text == null ? null : parser.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * True when decoding failed because the registry did not answer (connection refused or closed under the request,
     * no answer within the timeout): such a record is waited for, since the registry may be starting or overloaded.
     * A registry that answers with an error is not, and neither are bytes Avro cannot read (the services' one test of
     * an outage, {@link TransientFailures}).
     */
    static boolean registryUnreachable(Throwable error) {
        return TransientFailures.isTransient(error);
    }

    @Override
    public void close() {
        avro.close();
        // Apicurio's resolver does not close the client it was given.
        registryHttp.close();
    }

    /** The bytes cannot be what the pipeline writes: retrying will not help. */
    static final class NotInWireFormatException extends RuntimeException {
        NotInWireFormatException(String message) {
            super(message);
        }
    }
}
