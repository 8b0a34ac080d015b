package io.leadpipeline.operatortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.service.security.AccessKeys;

class AccessTokenToolTest {

    @TempDir
    Path keys;

    @Test
    void shouldMintACloserTokenNamingTheCloserWithAKeyItKeepsPrivate() throws Exception {
        String token = AccessTokenTool.run(new String[] {"closer", "closer-ava", "--keys", keys.toString(), "--ttl", "2h"});

        JsonNode claims = claims(token);
        assertEquals("lead-pipeline", claims.get("iss").asText());
        assertEquals("closer", claims.get("groups").get(0).asText());
        assertEquals("closer-ava", claims.get("closer_id").asText());
        assertEquals(7200, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(AccessKeys.SIGNING_KEY))));
        assertTrue(Files.readString(keys.resolve(AccessKeys.VERIFY_KEY)).startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void shouldKeepTheKeyPairOnceMade() throws Exception {
        AccessTokenTool.run(new String[] {"ops", "--keys", keys.toString()});
        String verifyKey = Files.readString(keys.resolve(AccessKeys.VERIFY_KEY));

        AccessTokenTool.run(new String[] {"admin", "--keys", keys.toString()});

        assertEquals(verifyKey, Files.readString(keys.resolve(AccessKeys.VERIFY_KEY)), "tokens minted before stay valid");
    }

    @Test
    void shouldRefuseUnknownRolesAndCloserTokensWithoutACloser() {
        String dir = keys.toString();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AccessTokenTool.run(new String[] {"root", "--keys", dir}));
        assertTrue(unknown.getMessage().startsWith("Unknown role 'root'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessTokenTool.run(new String[] {"closer", "--keys", dir}));
        assertThrows(IllegalArgumentException.class, () -> AccessTokenTool.run(new String[] {"ops", "closer-ava", "--keys", dir}));
    }

    @Test
    void shouldReadLifetimesInBothSyntaxes() {
        assertEquals(Duration.ofMinutes(30), AccessTokenTool.ttl("30m"));
        assertEquals(Duration.ofDays(7), AccessTokenTool.ttl("7d"));
        assertEquals(Duration.ofHours(4), AccessTokenTool.ttl("PT4H"));
        assertThrows(IllegalArgumentException.class, () -> AccessTokenTool.ttl("soon"));
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
