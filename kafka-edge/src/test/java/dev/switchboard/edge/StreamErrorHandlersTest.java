package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class StreamErrorHandlersTest {
  private final StreamErrorHandlers.Processing processing = new StreamErrorHandlers.Processing();

  StreamErrorHandlersTest() {
    Map<String, Object> config = new HashMap<>();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    StreamErrorHandlers.configure(config, java.util.Set.of("goals", "plan"));
    processing.configure(config);
  }

  @Test
  void shouldSkipAndDeadLetterAReferenceOnTheSourcesDeadLetterTopic() {
    ProcessingExceptionHandler.Response response =
        processing.handleError(
            context("plan", 2, 41, new RecordHeaders(), "g-1", new byte[5000]),
            new Record<>("g-1", new byte[5000], 0L),
            new IllegalStateException("boom"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().getFirst();
    assertThat(dead.topic()).isEqualTo("plan.dlq");
    assertThat(dead.value()).isNull();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("g-1");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_REASON))
        .isEqualTo("processing failed: java.lang.IllegalStateException: boom");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_CONSUMER)).isEqualTo("app");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_SOURCE_OFFSET)).isEqualTo("41");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_SOURCE_SIZE)).isEqualTo("5003");
  }

  @Test
  void shouldNameTheOutsideOriginOfARekeyedRecord() {
    RecordHeaders stamp = new RecordHeaders();
    EventHeaders.put(stamp, SwitchboardHeaders.DLQ_SOURCE_TOPIC, "goals");
    EventHeaders.put(stamp, SwitchboardHeaders.DLQ_SOURCE_PARTITION, "0");
    EventHeaders.put(stamp, SwitchboardHeaders.DLQ_SOURCE_OFFSET, "7");

    ProcessingExceptionHandler.Response response =
        processing.handleError(
            context("app-by-goal-id-repartition", 1, 3, stamp, "g-1", new byte[1]),
            new Record<>("g-1", new byte[1], 0L),
            new IllegalStateException("boom"));

    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().getFirst();
    assertThat(dead.topic()).isEqualTo("goals.dlq");
    assertThat(header(dead.headers(), SwitchboardHeaders.DLQ_SOURCE_OFFSET)).isEqualTo("7");
  }

  @Test
  void shouldSkipWithoutDeadLetterWhatHasNoDeadLetterTopic() {
    ProcessingExceptionHandler.Response response =
        processing.handleError(
            context("app-by-goal-id-repartition", 1, 3, new RecordHeaders(), "g-1", new byte[1]),
            new Record<>("g-1", new byte[1], 0L),
            new IllegalStateException("no stamp"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context(
      String topic, int partition, long offset, Headers headers, String key, byte[] value) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return partition;
      }

      @Override
      public long offset() {
        return offset;
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public String processorNodeId() {
        return "node";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, partition);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return key.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public byte[] sourceRawValue() {
        return value;
      }
    };
  }
}
