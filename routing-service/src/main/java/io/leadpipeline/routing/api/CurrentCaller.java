package io.leadpipeline.routing.api;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.leadpipeline.routing.domain.Caller;
import io.leadpipeline.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The request's verified token as a {@link Caller}: its roles, and for a closer's token the closer it names. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        if (identity.hasRole(Roles.SALES_OPS) || identity.hasRole(Roles.ADMIN)) {
            return Caller.anyCloser();
        }
        // A closer's token without the claim acts for nobody.
        return new Caller(false, Optional.ofNullable(token.<String>getClaim(Roles.CLOSER_ID_CLAIM)));
    }
}
