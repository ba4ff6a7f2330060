package dev.switchboard.edge;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.security.*}: the key the guardrail signs action requests with and the executor
 * verifies them with. Required by those two, never printed.
 *
 * @param actionSigningKey at least 32 bytes (UTF-8), the same in guardrail and executor
 * @param actionSigningKeyId the key's name on signed requests; by default the first 8 hex digits of
 *     the key's SHA-256, so guardrail and executor agree without configuring it
 */
@ConfigurationProperties("switchboard.security")
public record SecurityProperties(String actionSigningKey, String actionSigningKeyId) {

  static final int MIN_KEY_BYTES = 32;
  private static final String PROPERTY =
      "switchboard.security.action-signing-key (environment SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY)";

  /** The signer for this key, or a start-up failure that says what is wrong (never the key). */
  public ActionSigner actionSigner(EventCodec codec) {
    if (actionSigningKey == null || actionSigningKey.isBlank()) {
      throw new InvalidConfigurationException(
          PROPERTY + " is not set: guardrail and executor need the same shared key");
    }
    if (actionSigningKey.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          PROPERTY + " is shorter than " + MIN_KEY_BYTES + " bytes; use a longer secret");
    }
    String keyId =
        actionSigningKeyId == null || actionSigningKeyId.isBlank() ? null : actionSigningKeyId;
    try {
      return ActionSigner.fromSecret(actionSigningKey, keyId, codec);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "switchboard.security.action-signing-key-id: " + e.getMessage());
    }
  }

  /** Keeps the key out of logs, actuator output and failure messages. */
  @Override
  public String toString() {
    return "SecurityProperties[actionSigningKey="
        + (actionSigningKey == null ? "unset" : "hidden")
        + ", actionSigningKeyId="
        + actionSigningKeyId
        + "]";
  }
}
