package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a record was first read: its topic, partition and offset. For records that passed through
 * the internal re-keying topic ({@code rekeyed}) this comes from the headers stamped before it.
 */
record RecordOrigin(String topic, int partition, long offset, boolean rekeyed) {
  /** The internal topic is named {@code <application id>-by-goal-id-repartition}. */
  static final String REPARTITION_NAME = "by-goal-id";

  private static final String REPARTITION_SUFFIX = "-" + REPARTITION_NAME + "-repartition";

  static RecordOrigin of(RecordMetadata metadata, Headers headers) {
    if (!metadata.topic().endsWith(REPARTITION_SUFFIX)) {
      return new RecordOrigin(metadata.topic(), metadata.partition(), metadata.offset(), false);
    }
    return new RecordOrigin(
        text(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC),
        Integer.parseInt(text(headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION)),
        Long.parseLong(text(headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET)),
        true);
  }

  /** Removes the stamp, so a dead letter carries exactly the producer's headers plus ours. */
  static void unstamp(Headers headers) {
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_TOPIC);
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_PARTITION);
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_OFFSET);
    headers.remove(SwitchboardHeaders.DLQ_REASON);
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_SIZE);
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null) {
      throw new IllegalStateException("re-keyed record lacks its origin header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Stamps each outside record with its origin before it is re-keyed, and checks it first: a record
   * too large for the re-keying topic travels on as a reference (no payload, no headers), one
   * without a key under an empty key, each with the reason it will be dead-lettered for.
   */
  static final class Stamp implements Processor<String, byte[], String, byte[]> {
    private final RecordGate gate;
    private ProcessorContext<String, byte[]> context;

    Stamp(RecordGate gate) {
      this.gate = gate;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
      RecordMetadata metadata = context.recordMetadata().orElseThrow();
      long size = RecordGate.sizeOf(record.key(), record.value(), record.headers());
      Record<String, byte[]> out = record;
      // Whatever the producer put in our own stamp headers is not believed.
      unstamp(out.headers());
      if (size > gate.maxRecordBytes()) {
        RecordGate.Rejection rejection = gate.tooLarge(size);
        out =
            new Record<String, byte[]>(
                DeadLetters.keptKey(record.key()), null, record.timestamp(), new RecordHeaders());
        EventHeaders.put(out.headers(), SwitchboardHeaders.DLQ_REASON, rejection.reason());
        EventHeaders.put(out.headers(), SwitchboardHeaders.DLQ_SOURCE_SIZE, Long.toString(size));
      } else if (record.key() == null) {
        out = record.withKey("");
        EventHeaders.put(
            out.headers(),
            SwitchboardHeaders.DLQ_REASON,
            "record has no key; the key must be the goalId");
      }
      Headers headers = out.headers();
      EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC, metadata.topic());
      EventHeaders.put(
          headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION, Integer.toString(metadata.partition()));
      EventHeaders.put(
          headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(metadata.offset()));
      context.forward(out);
    }

    /** The verdict stamped on a re-keyed record, if it was refused before re-keying. */
    static Optional<RecordGate.Rejection> rejectionOf(Headers headers) {
      Header reason = headers.lastHeader(SwitchboardHeaders.DLQ_REASON);
      if (reason == null) {
        return Optional.empty();
      }
      Header size = headers.lastHeader(SwitchboardHeaders.DLQ_SOURCE_SIZE);
      return Optional.of(
          new RecordGate.Rejection(
              new String(reason.value(), StandardCharsets.UTF_8),
              size == null,
              size == null
                  ? -1
                  : Long.parseLong(new String(size.value(), StandardCharsets.UTF_8))));
    }
  }
}
