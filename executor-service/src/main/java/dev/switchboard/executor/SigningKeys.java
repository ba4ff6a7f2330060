package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;

/** Builds the signature checker from configuration, failing start-up with a clear message. */
final class SigningKeys {
  static final int MIN_KEY_BYTES = 32;
  private static final String PROPERTY =
      "switchboard.security.action-signing-key (environment SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY)";

  private SigningKeys() {}

  static ActionSigner signerFor(String key, EventCodec codec) {
    if (key == null || key.isBlank()) {
      throw new InvalidConfigurationException(
          PROPERTY
              + " is not set: the executor runs only actions signed by the guardrail with this"
              + " shared key");
    }
    int length = key.getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          PROPERTY + " is " + length + " bytes long; it must be at least " + MIN_KEY_BYTES);
    }
    return ActionSigner.fromSecret(key, codec);
  }
}
