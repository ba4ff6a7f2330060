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
 * Signs action requests in the guardrail and verifies them in the executor (HMAC-SHA256 over the
 * goal, event, action and approver), so the executor runs only what the guardrail let through,
 * unchanged. Keys come from an {@link ActionKeyRing}: one signs, all verify (rotation). No key
 * appears in {@link #toString()}.
 */
public final class ActionSigner {
  private static final String ALGORITHM = ActionKeyRing.ALGORITHM;

  private final ActionKeyRing keys;
  private final EventCodec codec;

  public ActionSigner(byte[] key, EventCodec codec) {
    this(ActionKeyRing.single(key), codec);
  }

  public ActionSigner(ActionKeyRing keys, EventCodec codec) {
    this.keys = keys;
    this.codec = codec;
  }

  /** A key given as text (configuration, environment) is used as its UTF-8 bytes. */
  public static ActionSigner fromSecret(String secret, EventCodec codec) {
    if (secret == null) {
      throw new IllegalArgumentException("the action signing key is not configured");
    }
    return new ActionSigner(secret.getBytes(StandardCharsets.UTF_8), codec);
  }

  /** The id of the key {@link #sign} uses; the request should carry it. */
  public String signingKeyId() {
    return keys.signingKeyId();
  }

  public ActionRequested sign(ActionRequested request) {
    return request.withSignature(signatureOf(request, keys.signingKey()));
  }

  /**
   * True when one of the keys the request may be signed with gives its signature. Requests do not
   * name their key id yet, so every configured key is tried; once they do, pass it here instead of
   * null and only that key is tried.
   */
  public boolean verifies(ActionRequested request) {
    if (request.signature() == null) {
      return false;
    }
    byte[] actual = request.signature().getBytes(StandardCharsets.US_ASCII);
    boolean verified = false;
    for (SecretKeySpec key : keys.verificationKeys(null)) {
      byte[] expected = signatureOf(request, key).getBytes(StandardCharsets.US_ASCII);
      // No early exit: the time taken does not tell which key matched.
      verified |= MessageDigest.isEqual(expected, actual);
    }
    return verified;
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
          request.approvedBy()
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
