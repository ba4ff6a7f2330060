package dev.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
  /** The id of a key given without one (the single-key setting of earlier releases). */
  public static final String DEFAULT_KEY_ID = "default";

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

  /** One key under {@link #DEFAULT_KEY_ID}. */
  public static ActionKeyRing single(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the action signing key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    return new ActionKeyRing(
        Map.of(DEFAULT_KEY_ID, new SecretKeySpec(key.clone(), ALGORITHM)), DEFAULT_KEY_ID);
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

  /**
   * The keys a request signed under {@code keyId} may verify with: that one key, or every key when
   * the request names none (requests from before key ids; see {@link ActionSigner#verifies}).
   */
  Collection<SecretKeySpec> verificationKeys(String keyId) {
    if (keyId == null) {
      List<SecretKeySpec> all = new ArrayList<>();
      all.add(signingKey());
      keys.forEach(
          (id, key) -> {
            if (!id.equals(signingKeyId)) {
              all.add(key);
            }
          });
      return all;
    }
    SecretKeySpec key = keys.get(keyId);
    return key == null ? List.of() : List.of(key);
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
