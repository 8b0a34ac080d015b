package io.leadpipeline.service.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The version of a rules document: a hash of its bytes, so the same document has the same version on every instance. */
public final class RulesVersion {

    private RulesVersion() {
    }

    /** "sha256:" and the first 16 hex digits of the document's SHA-256. */
    public static String of(byte[] document) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
