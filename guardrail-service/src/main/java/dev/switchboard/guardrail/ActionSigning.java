package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;

/** Builds the {@link ActionSigner} from configuration, refusing a missing or short key. */
final class ActionSigning {
  static final int MIN_KEY_BYTES = 32;
  static final String PROPERTY = "switchboard.security.action-signing-key";

  private ActionSigning() {}

  static ActionSigner signer(String key, EventCodec codec) {
    if (key == null || key.isBlank()) {
      throw new SigningKeyException(PROPERTY + " is not set; the guardrail cannot sign actions");
    }
    // The message never contains the key, not even its length.
    if (key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
      throw new SigningKeyException(
          PROPERTY + " is shorter than " + MIN_KEY_BYTES + " bytes; use a longer secret");
    }
    return ActionSigner.fromSecret(key, codec);
  }
}
