package io.leadpipeline.testkit;

import java.util.ArrayList;
import java.util.List;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every RestAssured request of the annotated test class carries a {@link TestTokens} token of role {@link #value()}
 * unless the test calls {@link Session#signOut()} first (the access rules' own tests do, and send their own tokens).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SignedInAs.Session.class)
public @interface SignedInAs {

    String value();

    /**
     * Adds the Authorization header to every request that has none, from before each test to after it. A filter,
     * not a default request specification: Quarkus sets RestAssured's port in its own before-each callback, which may
     * run after this one, and a specification built earlier would keep the old port.
     */
    final class Session implements BeforeEachCallback, AfterEachCallback {

        private static volatile Filter signedIn;

        @Override
        public void beforeEach(ExtensionContext context) {
            String authorization = TestTokens.bearer(context.getRequiredTestClass().getAnnotation(SignedInAs.class).value());
            signOut();
            Filter filter = (request, response, next) -> {
                if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                    request.header("Authorization", authorization);
                }
                return next.next(request, response);
            };
            signedIn = filter;
            RestAssured.filters(filter);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            signOut();
        }

        /** The rest of the test sends no token unless it adds one itself. */
        public static void signOut() {
            Filter current = signedIn;
            if (current != null) {
                List<Filter> others = new ArrayList<>(RestAssured.filters());
                others.remove(current);
                RestAssured.replaceFiltersWith(others);
                signedIn = null;
            }
        }
    }
}
