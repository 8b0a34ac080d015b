package io.leadpipeline.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The pipeline's token signing key, kept in a folder of its own ({@code .pipeline/security/} for {@code ./pipeline}),
 * and the tokens it signs (SmallRye JWT, RS256). The first use generates the key pair; the services verify with the
 * public half ({@code mp.jwt.verify.publickey.location}), so only this folder can mint tokens. The private key is
 * readable by its owner only. It lives beside {@link Roles}, which the services read tokens with, so both sides of the
 * token's claims are in one place; minting is for {@code ./pipeline token} and the tests, never for a service (which is
 * why smallrye-jwt-build is an optional dependency here).
 */
public final class AccessKeys {

    public static final String SIGNING_KEY = "signing-key.pem";
    public static final String VERIFY_KEY = "verify-key.pem";
    private static final int KEY_BITS = 2048;

    private final Path dir;
    private final PrivateKey signingKey;

    private AccessKeys(Path dir, PrivateKey signingKey) {
        this.dir = dir;
        this.signingKey = signingKey;
    }

    /** The keys in {@code dir}, generated there first when it has none. */
    public static synchronized AccessKeys in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path signing = dir.resolve(SIGNING_KEY);
            if (!Files.exists(signing)) {
                generate(dir);
            }
            return new AccessKeys(dir, readPrivateKey(Files.readString(signing)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key in " + dir + " cannot be read", e);
        }
    }

    /** Signs with the PEM private key read from {@code resource} on the class path (the tests' fixed pair). */
    public static AccessKeys fromClasspath(String resource) {
        try (var in = AccessKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the class path");
            }
            return new AccessKeys(null, readPrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(resource + " is not a PEM private key", e);
        }
    }

    /** The public key file a service verifies tokens with. */
    public Path verifyKey() {
        return dir.resolve(VERIFY_KEY);
    }

    /** A token for {@code role}, valid for {@code ttl}; a closer's token names its closer, no other role's does. */
    public String mint(String role, Optional<String> closerId, String subject, Duration ttl) {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + Roles.ALL);
        }
        if (role.equals(Roles.CLOSER) != closerId.isPresent()) {
            throw new IllegalArgumentException(role.equals(Roles.CLOSER)
                    ? "A closer's token needs the closer's id (from config/routing.yaml), e.g. closer-ava"
                    : "Only a closer's token names a closer");
        }
        JwtClaimsBuilder claims = Jwt.issuer(Roles.ISSUER).subject(subject).groups(role)
                .claim("jti", UUID.randomUUID().toString()).expiresIn(ttl);
        closerId.ifPresent(id -> claims.claim(Roles.CLOSER_ID_CLAIM, id));
        return claims.jws().sign(signingKey);
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        KeyPair pair = generator.generateKeyPair();
        Path signing = dir.resolve(SIGNING_KEY);
        Path partial = dir.resolve(SIGNING_KEY + ".new");
        Files.writeString(partial, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        Files.writeString(dir.resolve(VERIFY_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(partial, signing); // last, so a half-written pair is never taken for a whole one
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
