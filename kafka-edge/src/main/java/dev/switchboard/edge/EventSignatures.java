package dev.switchboard.edge;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Proves which service wrote an event: the writer signs topic, key and payload with its own Ed25519
 * key (a public-key signature, so no reader can forge one, as it could with a shared HMAC key), and
 * every reader checks the signature with the public key of the one writer the topic catalog names
 * for that topic. Topic and key are signed too, so an event copied to another topic or under
 * another key does not verify.
 */
final class EventSignatures {
  static final String ALGORITHM = "Ed25519";
  private static final byte[] DOMAIN = "switchboard-event-v1\n".getBytes(StandardCharsets.UTF_8);

  private final Service self;
  private final String signingKeyId;
  private final PrivateKey signingKey;
  private final Map<String, EventKeys.TrustedKey> trusted;
  private final boolean enabled;

  /** Neither signs nor checks: for a deployment without event-signing keys (logged at start). */
  static EventSignatures off(Service self) {
    return new EventSignatures(self, null, null, Map.of(), false);
  }

  /**
   * @param signingKey this service's key; null for a service that writes no events
   * @param trusted every writer's public key by key id
   */
  EventSignatures(
      Service self,
      String signingKeyId,
      PrivateKey signingKey,
      Map<String, EventKeys.TrustedKey> trusted) {
    this(self, signingKeyId, signingKey, trusted, true);
  }

  private EventSignatures(
      Service self,
      String signingKeyId,
      PrivateKey signingKey,
      Map<String, EventKeys.TrustedKey> trusted,
      boolean enabled) {
    this.self = self;
    this.signingKeyId = signingKeyId;
    this.signingKey = signingKey;
    this.trusted = Map.copyOf(trusted);
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  /** Adds this service's signature over what it writes to a topic. */
  void sign(Topic<?> topic, String key, byte[] value, Headers headers) {
    if (!enabled) {
      return;
    }
    if (signingKey == null) {
      throw new IllegalStateException(
          self + " has no event-signing key (switchboard.security.event-signing.private-key-file)");
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(signingKey);
      signature.update(signedBytes(topic, key, value));
      EventHeaders.put(headers, SwitchboardHeaders.SIGNER, signingKeyId);
      EventHeaders.put(
          headers,
          SwitchboardHeaders.SIGNATURE,
          Base64.getEncoder().encodeToString(signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
    }
  }

  /** Empty when the record is signed by the topic's one writer; else why not (never a key). */
  Optional<String> problemWith(Topic<?> topic, String key, byte[] value, Headers headers) {
    if (!enabled || topic.writer() == Service.GOAL_PRODUCERS) {
      return Optional.empty(); // outside producers do not sign; what they write is checked as data
    }
    String keyId = text(headers.lastHeader(SwitchboardHeaders.SIGNER));
    String encoded = text(headers.lastHeader(SwitchboardHeaders.SIGNATURE));
    if (keyId == null || encoded == null) {
      return Optional.of(
          "not signed: "
              + topic.baseName()
              + " takes events signed by its writer, "
              + topic.writer());
    }
    EventKeys.TrustedKey signer = trusted.get(keyId);
    if (signer == null) {
      return Optional.of("signed with unknown key '" + shortened(keyId) + "'");
    }
    if (signer.service() != topic.writer()) {
      return Optional.of(
          "signed by "
              + signer.service()
              + " (key '"
              + keyId
              + "'), but only "
              + topic.writer()
              + " writes "
              + topic.baseName());
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(signer.key());
      signature.update(signedBytes(topic, key, value));
      if (!signature.verify(Base64.getDecoder().decode(encoded))) {
        return Optional.of("bad signature for key '" + keyId + "': the record was changed");
      }
      return Optional.empty();
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.of("unreadable signature for key '" + keyId + "'");
    }
  }

  private static byte[] signedBytes(Topic<?> topic, String key, byte[] value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(DOMAIN);
    bytes.writeBytes(topic.baseName().getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    bytes.writeBytes(key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    bytes.writeBytes(value == null ? new byte[0] : value);
    return bytes.toByteArray();
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String shortened(String keyId) {
    return keyId.length() <= 64 ? keyId : keyId.substring(0, 64) + "…";
  }

  @Override
  public String toString() {
    return enabled
        ? "EventSignatures["
            + self
            + " signs with "
            + signingKeyId
            + ", trusts "
            + trusted.keySet()
            + "]"
        : "EventSignatures[off]";
  }
}
