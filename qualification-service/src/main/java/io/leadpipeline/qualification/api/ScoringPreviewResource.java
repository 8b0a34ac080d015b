package io.leadpipeline.qualification.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.qualification.domain.Activity;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.domain.Reason;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.ValidationProblems;
import io.leadpipeline.service.security.Roles;

/**
 * POST /v1/scoring/preview: scores a lead described in the body against the current rules and writes nothing, so
 * marketing ops can check what a rule change does to a sample lead.
 */
@Path("/v1/scoring/preview")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
public class ScoringPreviewResource {

    /** A described lead: contact fields, the forms it filled in and what it did; times default to {@code at}. */
    public record PreviewRequest(@NotBlank(message = "is required") String email, String firstName, String lastName,
            String company, String jobTitle, String companySize, String country, String industry, FormType formType,
            List<@NotNull(message = "is required") @Valid PreviewConversion> conversions,
            List<@NotNull(message = "is required") @Valid PreviewEngagement> engagements, Instant at) {

        /** What a request without a body describes: nothing. */
        static final PreviewRequest NONE = new PreviewRequest(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public record PreviewConversion(@NotNull(message = "is required") FormType formType, Instant occurredAt) {
    }

    public record PreviewEngagement(@NotNull(message = "is required") EngagementType type, String url, String touchId, Instant occurredAt) {
    }

    /** What the rules make of the lead as a first decision. */
    public record PreviewResult(LeadStage stage, RejectionReason rejectionReason, int fitScore, int engagementScore,
            int totalScore, Grade grade, List<Reason> reasons, String rulesVersion, Instant assessedAt) {
    }

    private final LiveRules<Qualification> qualification;
    private final Validator validator;

    public ScoringPreviewResource(LiveRules<Qualification> qualification, Validator validator) {
        this.qualification = qualification;
        this.validator = validator;
    }

    /** A bad request is refused by its constraints, as problem+json naming the bad fields (service-support's ValidationProblems). */
    @POST
    public Response preview(@Valid PreviewRequest request) {
        if (request == null) { // no body, or JSON null: nothing described, refused as {} is
            return ValidationProblems.badRequest(validator.validate(PreviewRequest.NONE));
        }
        List<PreviewConversion> conversions = new ArrayList<>(request.conversions() == null ? List.of() : request.conversions());
        List<PreviewEngagement> engagements = request.engagements() == null ? List.of() : request.engagements();
        Instant at = request.at() == null ? Instant.now() : request.at();
        if (request.formType() != null) {
            conversions.add(new PreviewConversion(request.formType(), at));
        }
        String email = request.email().trim().toLowerCase(java.util.Locale.ROOT);
        Contact contact = new Contact(email, request.firstName(), request.lastName(), request.company(), request.jobTitle(),
                null, request.country(), request.companySize(), request.industry());
        LeadProfile lead = LeadProfile.newLead(LeadIds.fromEmail(email)).withContact(contact);
        int n = 0;
        for (PreviewConversion conversion : conversions) {
            lead = lead.withConversion("preview-conversion-" + n++, contact, false, null, null, conversion.formType(),
                    conversion.occurredAt() == null ? at : conversion.occurredAt());
        }
        for (PreviewEngagement engagement : engagements) {
            lead = lead.withEngagement(Activity.engagement("preview-engagement-" + n++, engagement.type(), engagement.url(),
                    engagement.touchId(), engagement.occurredAt() == null ? at : engagement.occurredAt(), lead.cycle()));
        }
        Assessment assessment = qualification.get().scorer().assess(lead, at);
        return Response.ok(new PreviewResult(assessment.stage(), assessment.rejectionReason(), assessment.fitScore(),
                assessment.engagementScore(), assessment.totalScore(), assessment.grade(), assessment.reasons(),
                assessment.rulesVersion(), assessment.assessedAt())).build();
    }
}
