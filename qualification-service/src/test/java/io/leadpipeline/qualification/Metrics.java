package io.leadpipeline.qualification;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's Prometheus metrics as an ops dashboard would. */
public final class Metrics {

    private Metrics() {
    }

    /** The whole /q/metrics page. */
    public static String page() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of metric {@code name} whose labels include all of {@code labels} ({@code stage="SQL"}). */
    public static double value(String name, String... labels) {
        double sum = 0;
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(page());
        while (line.find()) {
            String found = line.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
