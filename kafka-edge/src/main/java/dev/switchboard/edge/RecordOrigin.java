package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a record was first read: its topic, partition and offset. For records that passed through
 * the internal re-keying topic this comes from the headers stamped before it.
 */
record RecordOrigin(String topic, int partition, long offset) {
  /** The internal topic is named {@code <application id>-by-goal-id-repartition}. */
  static final String REPARTITION_NAME = "by-goal-id";

  private static final String REPARTITION_SUFFIX = "-" + REPARTITION_NAME + "-repartition";

  static RecordOrigin of(RecordMetadata metadata, Headers headers) {
    if (!metadata.topic().endsWith(REPARTITION_SUFFIX)) {
      return new RecordOrigin(metadata.topic(), metadata.partition(), metadata.offset());
    }
    return new RecordOrigin(
        text(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC),
        Integer.parseInt(text(headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION)),
        Long.parseLong(text(headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET)));
  }

  /** Removes the stamp, so a dead letter carries exactly the producer's headers plus ours. */
  static void unstamp(Headers headers) {
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_TOPIC);
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_PARTITION);
    headers.remove(SwitchboardHeaders.DLQ_SOURCE_OFFSET);
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null) {
      throw new IllegalStateException("re-keyed record lacks its origin header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Stamps each outside record with its origin before it is re-keyed. */
  static final class Stamp implements FixedKeyProcessor<String, byte[], byte[]> {
    private FixedKeyProcessorContext<String, byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      RecordMetadata metadata = context.recordMetadata().orElseThrow();
      Headers headers = record.headers();
      EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_TOPIC, metadata.topic());
      EventHeaders.put(
          headers, SwitchboardHeaders.DLQ_SOURCE_PARTITION, Integer.toString(metadata.partition()));
      EventHeaders.put(
          headers, SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(metadata.offset()));
      context.forward(record);
    }
  }
}
