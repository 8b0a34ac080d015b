package io.leadpipeline.opsconsole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.CloserRef;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.events.TouchRecipient;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.kafka.TopicProvisioner;
import io.leadpipeline.opsconsole.config.Topics;

/**
 * Writes leads' journeys onto the pipeline topics the way the services do (Apicurio serializer, auto-registered
 * dereferenced schemas, Confluent wire format, key = lead id), with event times a few minutes before now so they
 * fall inside every window. Each journey states what it adds to the funnel, so tests can assert exact deltas.
 */
public final class PipelineTraffic implements AutoCloseable {

    /** Created here as the services would create them; the console itself never creates a topic. */
    public static final List<String> TOPICS = List.of(Topics.CONVERSIONS, Topics.ENGAGEMENTS, Topics.DECISIONS,
            Topics.HANDOFFS, Topics.HANDOFF_OUTCOMES, Topics.NURTURE_ENROLLMENTS, Topics.NURTURE_TOUCHES,
            DeadLetters.topicFor(Topics.CONVERSIONS));

    private static final List<ScoreReason> SALES_REASONS = List.of(
            new ScoreReason("intent.demo-request", 40, "Asked for a demo"),
            new ScoreReason("fit.business-email", 20, "Writes from a business address"));
    private static final List<ScoreReason> NURTURE_REASONS = List.of(
            new ScoreReason("fit.free-mail", -10, "Writes from a free-mail address"),
            new ScoreReason("intent.content", 5, "Downloaded an ebook"));

    private final KafkaProducer<String, SpecificRecord> events;
    private final KafkaProducer<String, byte[]> raw;
    private final Instant start;

    public PipelineTraffic(String bootstrapServers, String registryUrl) {
        TopicProvisioner.ensureTopics(bootstrapServers, TOPICS);
        Serializer<SpecificRecord> serializer = new RegistryEventSerdes(registryUrl).anyEventSerde().serializer();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        events = new KafkaProducer<>(config, new StringSerializer(), serializer);
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        start = Instant.now().minus(Duration.ofMinutes(5));
    }

    /** Captured → SQL → handed off to closer-ava → accepted. Funnel: captured, MQL, SQL, handed off, accepted. */
    public String acceptedSalesLead(String email) {
        String leadId = LeadIds.fromEmail(email);
        ConversionCaptured conversion = conversion(email, FormType.DEMO_REQUEST, "Initech", start);
        QualificationDecided sql = decision(conversion, LeadStage.SQL, null, null, start.plusMillis(300));
        LeadHandedOff handoff = handoff(sql, "closer-ava", "Ava Martin", 1, start.plusMillis(900));
        send(Topics.CONVERSIONS, leadId, conversion);
        send(Topics.DECISIONS, leadId, sql);
        send(Topics.HANDOFFS, leadId, handoff);
        send(Topics.HANDOFF_OUTCOMES, leadId, outcome(handoff, HandoffOutcomeType.ACCEPTED, start.plusSeconds(60)));
        return leadId;
    }

    /**
     * Captured → rejected (LOW_SCORE) → nurtured → touch → clicked → MQL → left nurture. Funnel: captured, MQL,
     * rejected, nurtured, re-qualified. Seven events on five topics.
     */
    public String requalifiedNurtureLead(String email) {
        String leadId = LeadIds.fromEmail(email);
        ConversionCaptured conversion = conversion(email, FormType.CONTENT_DOWNLOAD, null, start.plusSeconds(1));
        QualificationDecided rejected = decision(conversion, LeadStage.REJECTED, null, RejectionReason.LOW_SCORE,
                start.plusSeconds(2));
        String enrollmentId = EventIds.derive("enrollment", leadId, "1");
        NurtureTouchDue touch = NurtureTouchDue.newBuilder()
                .setTouchId(EventIds.derive("touch", enrollmentId, "1"))
                .setEnrollmentId(enrollmentId)
                .setLeadId(leadId)
                .setTrack("warm-up")
                .setStep(1)
                .setTemplate("warm-up-1-welcome")
                .setChannel(TouchChannel.EMAIL)
                .setDueAt(start.plusSeconds(30))
                .setRecipient(TouchRecipient.newBuilder().setEmail(email).setFirstName("Sam").build())
                .build();
        EngagementTracked click = EngagementTracked.newBuilder()
                .setEngagementId(EventIds.derive("engagement", leadId, "click"))
                .setLeadId(leadId)
                .setOccurredAt(start.plusSeconds(40))
                .setReceivedAt(start.plusSeconds(40))
                .setType(EngagementType.EMAIL_CLICKED)
                .setDetail(EngagementDetail.newBuilder().setUrl("https://example.com/pricing")
                        .setTouchId(touch.getTouchId()).build())
                .build();
        QualificationDecided mql = QualificationDecided.newBuilder(decision(conversion, LeadStage.MQL,
                        LeadStage.REJECTED, null, start.plusSeconds(41)))
                .setDecisionId(EventIds.derive("decision", leadId, "mql"))
                .setTriggeringEventId(click.getEngagementId())
                .build();
        send(Topics.CONVERSIONS, leadId, conversion);
        send(Topics.DECISIONS, leadId, rejected);
        send(Topics.NURTURE_ENROLLMENTS, leadId, NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollmentId, "enrolled"))
                .setLeadId(leadId)
                .setOccurredAt(start.plusSeconds(3))
                .setChange(NurtureEnrolled.newBuilder()
                        .setEnrollmentId(enrollmentId)
                        .setLeadId(leadId)
                        .setTrack("warm-up")
                        .setReason(NurtureEnrollmentReason.LOW_SCORE)
                        .setEnrolledAt(start.plusSeconds(3))
                        .setSourceEventId(rejected.getDecisionId())
                        .build())
                .build());
        send(Topics.NURTURE_TOUCHES, leadId, touch);
        send(Topics.ENGAGEMENTS, leadId, click);
        send(Topics.DECISIONS, leadId, mql);
        send(Topics.NURTURE_ENROLLMENTS, leadId, NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollmentId, "exited"))
                .setLeadId(leadId)
                .setOccurredAt(start.plusSeconds(42))
                .setChange(NurtureExited.newBuilder()
                        .setEnrollmentId(enrollmentId)
                        .setLeadId(leadId)
                        .setTrack("warm-up")
                        .setReason(NurtureExitReason.QUALIFIED)
                        .setExitedAt(start.plusSeconds(42))
                        .build())
                .build());
        return leadId;
    }

    /**
     * Captured → SQL → handed off to closer-ben → SLA expired → handed off to closer-chen as attempt 2 (still open),
     * as routing-service reassigns. Funnel: captured, MQL, SQL, handed off. Floor: ben 1 SLA breach and 1
     * reassignment, chen 1 open.
     */
    public String reassignedSalesLead(String email) {
        String leadId = LeadIds.fromEmail(email);
        ConversionCaptured conversion = conversion(email, FormType.CONTACT_SALES, "Globex", start.plusSeconds(2));
        QualificationDecided sql = decision(conversion, LeadStage.SQL, null, null, start.plusSeconds(3));
        LeadHandedOff first = handoff(sql, "closer-ben", "Ben Okafor", 1, start.plusSeconds(4));
        LeadHandedOff second = LeadHandedOff.newBuilder(handoff(sql, "closer-chen", "Chen Li", 2, start.plusSeconds(120)))
                .setPreviousHandoffId(first.getHandoffId())
                .build();
        send(Topics.CONVERSIONS, leadId, conversion);
        send(Topics.DECISIONS, leadId, sql);
        send(Topics.HANDOFFS, leadId, first);
        send(Topics.HANDOFF_OUTCOMES, leadId, outcome(first, HandoffOutcomeType.EXPIRED, start.plusSeconds(119)));
        send(Topics.HANDOFFS, leadId, second);
        return leadId;
    }

    /** A record qualification could not read, dead-lettered the way DeadLetterDeserializationHandler does it. */
    public void deadLetter(String leadId, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(DeadLetters.topicFor(Topics.CONVERSIONS), leadId,
                "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        header(record, DeadLetters.HEADER_REASON, reason);
        header(record, DeadLetters.HEADER_EXCEPTION, "org.apache.kafka.common.errors.SerializationException");
        header(record, DeadLetters.HEADER_SOURCE_TOPIC, Topics.CONVERSIONS);
        header(record, DeadLetters.HEADER_SOURCE_PARTITION, "0");
        header(record, DeadLetters.HEADER_SOURCE_OFFSET, "42");
        header(record, DeadLetters.HEADER_SERVICE, "qualification-service");
        await(raw.send(record));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static ConversionCaptured conversion(String email, FormType form, String company, Instant at) {
        String leadId = LeadIds.fromEmail(email);
        return ConversionCaptured.newBuilder()
                .setConversionId(EventIds.derive("conversion", leadId, form.name()))
                .setLeadId(leadId)
                .setOccurredAt(at.minusMillis(200))
                .setReceivedAt(at)
                .setFormId(form.name().toLowerCase().replace('_', '-'))
                .setFormType(form)
                .setContact(ContactDetails.newBuilder().setEmail(LeadIds.normalizeEmail(email)).setFirstName("Sam")
                        .setCompany(company).setJobTitle(company == null ? null : "VP of Sales").setCountry("US")
                        .setCompanySize(company == null ? null : "500").build())
                .setAttribution(Attribution.newBuilder().setPageUrl("https://example.com/" + form.name().toLowerCase())
                        .setUtmSource("google").setUtmCampaign("q4-launch").build())
                .setConsent(new MarketingConsent(true, "v1"))
                .build();
    }

    private static QualificationDecided decision(ConversionCaptured trigger, LeadStage stage, LeadStage previous,
            RejectionReason rejection, Instant at) {
        List<ScoreReason> reasons = stage == LeadStage.REJECTED ? NURTURE_REASONS : SALES_REASONS;
        int total = reasons.stream().mapToInt(ScoreReason::getPoints).sum();
        return QualificationDecided.newBuilder()
                .setDecisionId(EventIds.derive("decision", trigger.getConversionId(), stage.name()))
                .setLeadId(trigger.getLeadId())
                .setDecidedAt(at)
                .setStage(stage)
                .setPreviousStage(previous)
                .setRejectionReason(rejection)
                .setFitScore(total / 2)
                .setEngagementScore(total - total / 2)
                .setTotalScore(total)
                .setGrade(stage == LeadStage.REJECTED ? Grade.D : Grade.A)
                .setReasons(reasons)
                .setTriggeringEventId(trigger.getConversionId())
                .setRulesVersion("test-rules")
                .setLead(LeadSnapshot.newBuilder().setContact(trigger.getContact()).setReasons(reasons).build())
                .build();
    }

    private static LeadHandedOff handoff(QualificationDecided sql, String closerId, String closerName, int attempt,
            Instant at) {
        return LeadHandedOff.newBuilder()
                .setHandoffId(EventIds.derive("handoff", sql.getDecisionId(), Integer.toString(attempt)))
                .setLeadId(sql.getLeadId())
                .setDecisionId(sql.getDecisionId())
                .setCloser(new CloserRef(closerId, closerName, closerId + "@sales.example"))
                .setPool("default")
                .setMatchedRule("catch-all")
                .setStrategy(AssignmentStrategy.ROUND_ROBIN)
                .setAttempt(attempt)
                .setHandedOffAt(at)
                .setSlaDueAt(at.plus(Duration.ofHours(4)))
                .setLead(sql.getLead())
                .build();
    }

    private static HandoffOutcomeRecorded outcome(LeadHandedOff handoff, HandoffOutcomeType outcome, Instant at) {
        return HandoffOutcomeRecorded.newBuilder()
                .setOutcomeId(EventIds.derive("outcome", handoff.getHandoffId(), outcome.name()))
                .setHandoffId(handoff.getHandoffId())
                .setLeadId(handoff.getLeadId())
                .setCloserId(handoff.getCloser().getId())
                .setOutcome(outcome)
                .setOccurredAt(at)
                .setAttempt(handoff.getAttempt())
                .build();
    }

    private void send(String topic, String leadId, SpecificRecord event) {
        await(events.send(new ProducerRecord<>(topic, leadId, event)));
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}
