package dev.switchboard.edge;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.WriterSignatures;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * Proves which service wrote an event: the writer signs topic, key and payload with its own Ed25519
 * key, and every reader checks the signature with the public key of the one writer the topic
 * catalog names for that topic ({@link WriterSignatures}, in the event domain). Topic and key are
 * signed too, so an event copied to another topic or under another key does not verify.
 */
final class EventSignatures {
  static final String ALGORITHM = EventKeys.ALGORITHM;

  private final WriterSignatures signatures;

  /** Neither signs nor checks: for a deployment without event-signing keys (logged at start). */
  static EventSignatures off(Service self) {
    return new EventSignatures(WriterSignatures.off(self));
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
    this(new WriterSignatures(self, signingKeyId, signingKey, trusted));
  }

  private EventSignatures(WriterSignatures signatures) {
    this.signatures = signatures;
  }

  boolean enabled() {
    return signatures.enabled();
  }

  /** The same keys, for what a service writes and reads beside events (the catalogs). */
  WriterSignatures writerSignatures() {
    return signatures;
  }

  /** Adds this service's signature over what it writes to a topic. */
  void sign(Topic<?> topic, String key, byte[] value, Headers headers) {
    signatures.sign(WriterSignatures.EVENT_DOMAIN, topic.baseName(), key, value, headers);
  }

  /** Empty when the record is signed by the topic's one writer; else why not (never a key). */
  Optional<String> problemWith(Topic<?> topic, String key, byte[] value, Headers headers) {
    if (topic.writer() == Service.GOAL_PRODUCERS) {
      return Optional.empty(); // outside producers do not sign; what they write is checked as data
    }
    return signatures.problemWith(
        WriterSignatures.EVENT_DOMAIN, topic.baseName(), topic.writer(), key, value, headers);
  }

  @Override
  public String toString() {
    return signatures.toString().replace("WriterSignatures", "EventSignatures");
  }
}
