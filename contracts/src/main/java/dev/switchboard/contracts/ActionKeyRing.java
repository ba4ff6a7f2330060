package dev.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys of action requests, by key id: one signs, all verify, so a key can be rotated
 * without stopping (add the new key everywhere, switch the signing id, drop the old key once no
 * request signed with it is in flight). Secrets never appear in {@link #toString()} or in errors;
 * key ids may.
 */
public final class ActionKeyRing {
  static final String ALGORITHM = "HmacSHA256";
  static final int MIN_KEY_BYTES = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<String, SecretKeySpec> keys;
  private final String signingKeyId;

  private ActionKeyRing(Map<String, SecretKeySpec> keys, String signingKeyId) {
    this.keys = keys;
    this.signingKeyId = signingKeyId;
  }

  /**
   * @param secrets key id → secret (at least 32 bytes, used as UTF-8 bytes)
   * @param signingKeyId which of them signs; may be null when there is exactly one key
   * @throws IllegalArgumentException naming the key id (never the secret) that is wrong
   */
  public static ActionKeyRing of(Map<String, String> secrets, String signingKeyId) {
    if (secrets == null || secrets.isEmpty()) {
      throw new IllegalArgumentException("no action signing key is configured");
    }
    Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    secrets.forEach(
        (id, secret) -> {
          if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "action key id '"
                    + id
                    + "' may only hold 1 to 64 letters, digits, '.', '_' and '-'");
          }
          byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
          if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                "action key '" + id + "' must be at least " + MIN_KEY_BYTES + " bytes");
          }
          keys.put(id, new SecretKeySpec(bytes, ALGORITHM));
        });
    String signing = signingKeyId;
    if (signing == null || signing.isBlank()) {
      if (keys.size() > 1) {
        throw new IllegalArgumentException(
            "several action keys are configured " + keys.keySet() + ": say which one signs");
      }
      signing = keys.keySet().iterator().next();
    }
    if (!keys.containsKey(signing)) {
      throw new IllegalArgumentException(
          "the signing key id '" + signing + "' is not among the action keys " + keys.keySet());
    }
    return new ActionKeyRing(Map.copyOf(keys), signing);
  }

  /** One key, named by {@link #defaultKeyId}. */
  public static ActionKeyRing single(byte[] key) {
    return single(key, key == null ? null : defaultKeyId(key));
  }

  /** One key under {@code keyId}. */
  public static ActionKeyRing single(byte[] key, String keyId) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the action signing key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "the action signing key id must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return new ActionKeyRing(Map.of(keyId, new SecretKeySpec(key.clone(), ALGORITHM)), keyId);
  }

  /**
   * The first 8 hex digits of the key's SHA-256: the same key gives the same id everywhere without
   * configuring one, and the id tells too little about the key to help guess it.
   */
  public static String defaultKeyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** 1 to 64 letters, digits, '.', '_' or '-': safe in a header and a log line. */
  public static boolean isValidKeyId(String keyId) {
    return keyId != null && KEY_ID.matcher(keyId).matches();
  }

  public String signingKeyId() {
    return signingKeyId;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  SecretKeySpec signingKey() {
    return keys.get(signingKeyId);
  }

  /** The key a request naming {@code keyId} verifies with, or null when there is none. */
  SecretKeySpec verificationKey(String keyId) {
    return keyId == null ? null : keys.get(keyId);
  }

  @Override
  public String toString() {
    return "ActionKeyRing[keys="
        + keys.keySet()
        + ", signing="
        + signingKeyId
        + ", secrets hidden]";
  }
}
