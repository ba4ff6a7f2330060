package dev.switchboard.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hash of everything a decision saw, for the audit trail: equal inputs give equal hashes, so an
 * auditor holding the inputs can show which ones a verdict was based on.
 */
public final class InputDigest {
  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private InputDigest() {}

  /** SHA-256, hex, of the policy variables as JSON with keys sorted at every level. */
  public static String of(PolicyInput input) {
    byte[] canonical = CANONICAL.writeValueAsBytes(new TreeMap<>(PolicyVariables.of(input)));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
