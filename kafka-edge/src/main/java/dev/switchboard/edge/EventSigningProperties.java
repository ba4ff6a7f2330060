package dev.switchboard.edge;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.security.event-signing.*}: the Ed25519 key this service signs what it writes
 * with, and every writer's public key. Without both files the service neither signs nor checks (a
 * warning at start); {@code bin/switchboard up} makes the files.
 *
 * @param privateKeyFile this service's key, one line {@code <keyId> <base64 PKCS#8>}; needed by
 *     every service that writes events
 * @param trustedKeysFile the writers' public keys, one line {@code <keyId> <SERVICE> <base64
 *     X.509>} each
 */
@ConfigurationProperties("switchboard.security.event-signing")
public record EventSigningProperties(String privateKeyFile, String trustedKeysFile) {
  private static final String PREFIX = "switchboard.security.event-signing.";

  boolean configured() {
    return isSet(privateKeyFile) || isSet(trustedKeysFile);
  }

  /**
   * The signer and checker for this service; a start-up failure says what is wrong, never a key.
   */
  EventSignatures signatures(Service self) {
    if (!configured()) {
      return EventSignatures.off(self);
    }
    if (!isSet(trustedKeysFile)) {
      throw new InvalidConfigurationException(PREFIX + "trusted-keys-file is not set");
    }
    Map<String, EventKeys.TrustedKey> trusted;
    try {
      trusted = EventKeys.readTrustedKeys(Path.of(trustedKeysFile));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(PREFIX + "trusted-keys-file: " + e.getMessage());
    }
    if (!isSet(privateKeyFile)) {
      if (!Topics.writtenBy(self).isEmpty()) {
        throw new InvalidConfigurationException(
            PREFIX + "private-key-file is not set: " + self + " writes events and must sign them");
      }
      return new EventSignatures(self, null, null, trusted);
    }
    EventKeys.SigningKey key;
    try {
      key = EventKeys.readSigningKey(Path.of(privateKeyFile));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(PREFIX + "private-key-file: " + e.getMessage());
    }
    EventKeys.TrustedKey own = trusted.get(key.keyId());
    if (own == null || own.service() != self) {
      throw new InvalidConfigurationException(
          PREFIX
              + "private-key-file: its key '"
              + key.keyId()
              + "' is not in the trusted keys as "
              + self
              + "'s, so no reader would take what it signs");
    }
    return new EventSignatures(self, key.keyId(), key.key(), trusted);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
