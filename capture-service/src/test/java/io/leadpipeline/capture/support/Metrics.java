package io.leadpipeline.capture.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads capture's Prometheus metrics as an ops dashboard would. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of the samples of metric {@code name} whose labels include all of {@code labels} ({@code reason="junk_email"}). */
    public static double value(String name, String... labels) {
        // With tracing on, a sample may end in an exemplar (" # {span_id=...,trace_id=...} 1.0 ..."): the value is before it.
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)(?: # .*)?$", Pattern.MULTILINE).matcher(body);
        while (line.find()) {
            String found = line.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
