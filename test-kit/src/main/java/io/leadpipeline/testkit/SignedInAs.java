package io.leadpipeline.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * Every RestAssured request of the annotated test class carries a {@link TestTokens} token of role {@link #value()}
 * unless the test calls {@link Session#signOut()} first (the access rules' own tests do, and send their own tokens).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SignedInAs.Session.class)
public @interface SignedInAs {

    String value();

    /** Sets the default request's Authorization header before each test and clears it after. */
    final class Session implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            String role = context.getRequiredTestClass().getAnnotation(SignedInAs.class).value();
            RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", TestTokens.bearer(role)).build();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            signOut();
        }

        /** The rest of the test sends no token unless it adds one itself. */
        public static void signOut() {
            RestAssured.requestSpecification = null;
        }
    }
}
