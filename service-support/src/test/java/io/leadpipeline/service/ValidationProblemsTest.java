package io.leadpipeline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Proves a request with several bad fields gets one problem+json naming each once, by its JSON path, in the order the
 * request type declares them, with the first thing to fix per field and without the rejected values.
 */
class ValidationProblemsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Signup(
            @NotBlank(message = "is required") String email,
            @Size(max = 5, message = "must be at most {max} characters") @Pattern(regexp = "[a-z]*", message = "must be lower-case letters") String nick,
            @Valid Address address,
            @Size(max = 2, message = "must have at most {max} entries")
            Map<@NotBlank(message = "names must not be blank") String, @Size(max = 3, message = "must be at most {max} characters") String> tags,
            List<@Valid Item> items) {
    }

    record Address(@NotNull(message = "is required") String city, @Size(max = 2, message = "must be at most {max} characters") String country) {
    }

    record Item(@NotNull(message = "is required") String sku) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void shouldNameEveryBadFieldOnceInDeclarationOrderWithoutTheRejectedValues() throws Exception {
        Signup signup = new Signup(" ", "Jane.Doe.1984", new Address(null, "Germany"), tags("colour", "green"),
                List.of(new Item("a-1"), new Item(null), new Item(null)));

        JsonNode body = JSON.readTree(JSON.writeValueAsString(ValidationProblems.problem(VALIDATOR.validate(signup))));

        assertEquals(JSON.readTree("""
                {"type": "about:blank", "title": "Bad Request", "status": 400,
                 "detail": "'email' is required; 'nick' must be at most 5 characters; 'address.city' is required; 'address.country' must be at most 2 characters; 'tags.colour' must be at most 3 characters; 'items[1].sku' is required; 'items[2].sku' is required",
                 "errors": [
                   {"field": "email", "message": "is required"},
                   {"field": "nick", "message": "must be at most 5 characters"},
                   {"field": "address.city", "message": "is required"},
                   {"field": "address.country", "message": "must be at most 2 characters"},
                   {"field": "tags.colour", "message": "must be at most 3 characters"},
                   {"field": "items[1].sku", "message": "is required"},
                   {"field": "items[2].sku", "message": "is required"}]}
                """), body);
        assertFalse(body.toString().contains("Jane.Doe"), "a rejected value is not shown: " + body);
        assertFalse(body.toString().contains("Germany"), "a rejected value is not shown: " + body);
    }

    @Test
    void shouldNameAMapRefusedAsAWholeOnceAndNotItsEntries() {
        Signup tooMany = new Signup("jane@example.com", null, null, tags("a", "long", "b", "long", "c", "long"), null);
        Signup badName = new Signup("jane@example.com", null, null, tags(" ", "long", "ok", "long"), null);

        assertEquals(List.of(new FieldViolation("tags", "must have at most 2 entries")),
                ValidationProblems.fieldViolations(VALIDATOR.validate(tooMany)));
        assertEquals(List.of(new FieldViolation("tags", "names must not be blank"), new FieldViolation("tags.ok", "must be at most 3 characters")),
                ValidationProblems.fieldViolations(VALIDATOR.validate(badName)), "a refused name hides its value's problem, not the others'");
    }

    @Test
    void shouldNameAtMostTenFieldsAndCountTheRest() {
        List<Item> items = IntStream.range(0, 25).mapToObj(i -> new Item(null)).toList();

        Problem problem = ValidationProblems.problem(VALIDATOR.validate(new Signup(null, null, null, null, items)));

        assertEquals(10, problem.errors().size());
        assertEquals(new FieldViolation("email", "is required"), problem.errors().get(0));
        assertEquals(new FieldViolation("items[8].sku", "is required"), problem.errors().get(9));
        assertEquals("'email' is required; 'items[0].sku' is required; 'items[1].sku' is required; 'items[2].sku' is required; "
                + "'items[3].sku' is required; 'items[4].sku' is required; 'items[5].sku' is required; 'items[6].sku' is required; "
                + "'items[7].sku' is required; 'items[8].sku' is required; and 16 more", problem.detail());
    }

    private static Map<String, String> tags(String... namesAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            tags.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return tags;
    }
}
