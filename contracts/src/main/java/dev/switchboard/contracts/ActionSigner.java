package dev.switchboard.contracts;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.PlannedAction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs action requests in the guardrail and verifies them in the executor, so the executor runs
 * only what the guardrail let through, unchanged. Keys come from an {@link ActionKeyRing}: one
 * signs, every key verifies the requests that name it (rotation). No key appears in {@link
 * #toString()}.
 *
 * <p>The rules, in full:
 *
 * <ul>
 *   <li>The signature is HMAC-SHA256, base64url without padding, over these parts in this order:
 *       goalId, eventId, actionId, tool, sideEffect ({@code true}/{@code false}), approvedBy,
 *       expiresAt (ISO-8601, as {@link java.time.Instant#toString()}), keyId, and the action's
 *       arguments as canonical JSON (keys sorted at every level).
 *   <li>Each part is UTF-8, preceded by its length as a 4-byte big-endian integer; -1 stands for an
 *       absent part (a missing approver, no arguments).
 *   <li>{@link #sign} stamps the signing key's id on the request, then signs it. {@link #verifies}
 *       holds only for a request naming a key of the ring and carrying that key's signature of
 *       exactly those parts. Expiry is not judged here: the executor answers an expired request
 *       that verifies.
 * </ul>
 */
public final class ActionSigner {
  private static final String ALGORITHM = ActionKeyRing.ALGORITHM;

  private final ActionKeyRing keys;
  private final EventCodec codec;

  public ActionSigner(ActionKeyRing keys, EventCodec codec) {
    this.keys = keys;
    this.codec = codec;
  }

  /** One key, named {@code keyId}. */
  public ActionSigner(byte[] key, String keyId, EventCodec codec) {
    this(ActionKeyRing.single(key, keyId), codec);
  }

  /** One key whose id is derived from the key ({@link #defaultKeyId}). */
  public ActionSigner(byte[] key, EventCodec codec) {
    this(ActionKeyRing.single(key), codec);
  }

  /** A key given as text (configuration, environment) is used as its UTF-8 bytes. */
  public static ActionSigner fromSecret(String secret, EventCodec codec) {
    return fromSecret(secret, null, codec);
  }

  /**
   * @param keyId the key's name, or null to derive it from the key
   */
  public static ActionSigner fromSecret(String secret, String keyId, EventCodec codec) {
    if (secret == null) {
      throw new IllegalArgumentException("the action signing key is not configured");
    }
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    return new ActionSigner(key, keyId == null ? defaultKeyId(key) : keyId, codec);
  }

  /**
   * The first 8 hex digits of the key's SHA-256: the same key gives the same id everywhere, and the
   * id tells too little about the key to help guess it.
   */
  public static String defaultKeyId(byte[] key) {
    return ActionKeyRing.defaultKeyId(key);
  }

  /** The name of the signing key, written on every request this signer signs. */
  public String keyId() {
    return keys.signingKeyId();
  }

  /** Whether a request naming this key id can verify here at all. */
  public boolean knowsKey(String keyId) {
    return keys.verificationKey(keyId) != null;
  }

  public ActionRequested sign(ActionRequested request) {
    ActionRequested stamped = request.withKeyId(keys.signingKeyId());
    return stamped.withSignature(signatureOf(stamped, keys.signingKey()));
  }

  public boolean verifies(ActionRequested request) {
    SecretKeySpec key = keys.verificationKey(request.keyId());
    if (request.signature() == null || key == null) {
      return false;
    }
    byte[] expected = signatureOf(request, key).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = request.signature().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  private String signatureOf(ActionRequested request, SecretKeySpec key) {
    PlannedAction action = request.action();
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (String part :
        new String[] {
          request.goalId(),
          request.eventId().toString(),
          action.actionId(),
          action.tool(),
          String.valueOf(action.sideEffect()),
          request.approvedBy(),
          request.expiresAt().toString(),
          request.keyId()
        }) {
      writePart(content, part == null ? null : part.getBytes(StandardCharsets.UTF_8));
    }
    writePart(content, codec.canonicalBytes(action.arguments()));
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(content.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Each part is preceded by its length (-1 for null), so no choice of field values can shift bytes
   * from one field into the next, and a missing approver differs from one named "null".
   */
  private static void writePart(ByteArrayOutputStream content, byte[] part) {
    int length = part == null ? -1 : part.length;
    content.write(length >>> 24);
    content.write(length >>> 16);
    content.write(length >>> 8);
    content.write(length);
    if (part != null) {
      content.writeBytes(part);
    }
  }

  @Override
  public String toString() {
    return "ActionSigner[HmacSHA256, signing key '" + keys.signingKeyId() + "', keys hidden]";
  }
}
