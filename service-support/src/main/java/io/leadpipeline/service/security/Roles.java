package io.leadpipeline.service.security;

import java.util.List;

/**
 * Who may do what: the roles a token carries in its {@code groups} claim, the claim that binds a closer's token to
 * one closer, and the issuer every service accepts. The services' {@code @RolesAllowed} and the token tool
 * ({@code ./pipeline token}) read them from here. docs/security.md has the table of who can do what.
 */
public final class Roles {

    /** A closer: reads and answers only the handoffs assigned to them, and sets only their own availability. */
    public static final String CLOSER = "closer";
    /** Sales operations: the roster, pools and any closer's handoffs and availability. */
    public static final String SALES_OPS = "sales-ops";
    /** Marketing operations: lead profiles, nurture status and the scoring preview. */
    public static final String MARKETING_OPS = "marketing-ops";
    /** Operations: the ops console, and the roster and pools it shows. */
    public static final String OPS = "ops";
    /** Everything the others can do, and erasure and rules. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CLOSER, SALES_OPS, MARKETING_OPS, OPS, ADMIN);

    /** The claim of a closer's token naming the closer (an id from routing.yaml). */
    public static final String CLOSER_ID_CLAIM = "closer_id";
    /** The {@code iss} of the pipeline's own tokens; each service's {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "lead-pipeline";

    private Roles() {
    }
}
