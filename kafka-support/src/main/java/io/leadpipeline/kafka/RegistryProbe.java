package io.leadpipeline.kafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The schema registry is reachable when {@code <registry API>/system/info} answers 200 within the timeout. Without
 * it no service can write (the serdes look up or register schemas) and a consumer cannot read a schema id it has
 * not cached yet.
 */
final class RegistryProbe implements Probe {

    static final String DEPENDENCY = "schema-registry";

    private final URI systemInfo;
    private final Duration timeout;
    private final HttpClient http;

    RegistryProbe(String registryUrl, Duration timeout) {
        this.systemInfo = URI.create(registryUrl.replaceAll("/+$", "") + "/system/info");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Result check() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(systemInfo).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return Result.up(DEPENDENCY, systemInfo + " answered 200");
            }
            return Result.down(DEPENDENCY, systemInfo + " answered " + response.statusCode());
        } catch (HttpTimeoutException e) {
            return Result.down(DEPENDENCY, "no answer from " + systemInfo + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Result.down(DEPENDENCY, "cannot reach " + systemInfo + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down(DEPENDENCY, "interrupted");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
