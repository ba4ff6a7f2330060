package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A rejected record keeps its bytes and headers and gains the reason and its origin; one too large
 * to copy becomes a reference: origin, size and reason, without payload or original headers.
 */
final class DeadLetters {
  /** Reasons quote what they reject; a dead letter must stay small whatever it quotes. */
  static final int MAX_REASON_CHARS = 1000;

  /** A longer key is not copied into a reference (it may be what made the record too large). */
  static final int MAX_KEPT_KEY_BYTES = 256;

  private DeadLetters() {}

  static Headers headers(
      Headers original, String reason, String consumer, String topic, int partition, long offset) {
    RecordHeaders headers = new RecordHeaders(original == null ? null : original.toArray());
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_REASON, shortened(reason));
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_CONSUMER, consumer);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC, topic);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION, Integer.toString(partition));
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(offset));
    return headers;
  }

  /** Headers of a reference dead letter: the record itself stays where it is, at its offset. */
  static Headers referenceHeaders(
      String reason, String consumer, String topic, int partition, long offset, long size) {
    Headers headers = headers(null, reason, consumer, topic, partition, offset);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_SIZE, Long.toString(size));
    return headers;
  }

  /** The key a reference keeps: the original if short, else none. */
  static String keptKey(String key) {
    return key != null && key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEPT_KEY_BYTES
        ? key
        : null;
  }

  static String shortened(String reason) {
    return reason.length() <= MAX_REASON_CHARS
        ? reason
        : reason.substring(0, MAX_REASON_CHARS) + "…";
  }
}
