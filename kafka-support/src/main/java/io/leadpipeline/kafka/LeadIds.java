package io.leadpipeline.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Lead identity: the lead id is the UUID v5 (RFC 9562, SHA-1) of the trimmed, lower-cased email under
 * {@link #NAMESPACE}, so any system can compute it and the same person is always the same lead.
 */
public final class LeadIds {

    /** Published in the README; changing it would split every existing lead in two. */
    public static final UUID NAMESPACE = UUID.fromString("a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a");

    private LeadIds() {
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the text has the form of a lead id (a UUID), so it is safe to use in a URL or a log line. */
    public static boolean isLeadId(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String fromEmail(String email) {
        return nameBasedSha1(NAMESPACE, normalizeEmail(email)).toString();
    }

    public static UUID nameBasedSha1(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
