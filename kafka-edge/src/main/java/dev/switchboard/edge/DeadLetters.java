package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A rejected record keeps its bytes and headers and gains the reason and its origin. */
final class DeadLetters {
  private DeadLetters() {}

  static Headers headers(
      Headers original, String reason, String consumer, String topic, int partition, long offset) {
    RecordHeaders headers = new RecordHeaders(original == null ? null : original.toArray());
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_REASON, reason);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_CONSUMER, consumer);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC, topic);
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION, Integer.toString(partition));
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(offset));
    return headers;
  }
}
