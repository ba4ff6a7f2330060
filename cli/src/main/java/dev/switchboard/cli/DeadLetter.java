package dev.switchboard.cli;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a {@code <topic>.dlq}: where it sits, the original key, payload and headers, and
 * what the consumer that rejected it said. A reference (a record too large to copy) has no payload.
 */
record DeadLetter(
    String topic,
    int partition,
    long offset,
    Instant timestamp,
    String key,
    byte[] value,
    List<HeaderValue> headers) {

  /** A Kafka header, kept as bytes (a producer's headers need not be text). */
  record HeaderValue(String name, byte[] value) {
    String text() {
      return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
  }

  DeadLetter {
    headers = List.copyOf(headers);
  }

  static DeadLetter of(ConsumerRecord<String, byte[]> record) {
    List<HeaderValue> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new HeaderValue(header.key(), header.value()));
    }
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        record.value(),
        headers);
  }

  /** {@code partition@offset}, how commands name a dead letter. */
  String position() {
    return partition + "@" + offset;
  }

  String header(String name) {
    String found = null;
    for (HeaderValue header : headers) {
      if (header.name().equals(name)) {
        found = header.text();
      }
    }
    return found;
  }

  String reason() {
    return orDash(header(SwitchboardHeaders.DLQ_REASON));
  }

  String consumer() {
    return orDash(header(SwitchboardHeaders.DLQ_CONSUMER));
  }

  String sourceTopic() {
    return header(SwitchboardHeaders.DLQ_SOURCE_TOPIC);
  }

  /** {@code topic-partition@offset} of the record that was rejected. */
  String source() {
    return orDash(sourceTopic())
        + "-"
        + orDash(header(SwitchboardHeaders.DLQ_SOURCE_PARTITION))
        + "@"
        + orDash(header(SwitchboardHeaders.DLQ_SOURCE_OFFSET));
  }

  /** A dead letter that names the record instead of copying it. */
  boolean reference() {
    return header(SwitchboardHeaders.DLQ_SOURCE_SIZE) != null;
  }

  /** Bytes of the original record: the payload's, or what the reference says. */
  String size() {
    return reference()
        ? header(SwitchboardHeaders.DLQ_SOURCE_SIZE)
        : Integer.toString(value == null ? 0 : value.length);
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
