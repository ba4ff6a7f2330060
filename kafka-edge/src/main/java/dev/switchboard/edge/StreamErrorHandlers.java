package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' own error handlers, set so that no record stops a partition: whatever escapes the
 * topology's checks (an error in a processor, a value that cannot be serialized) is skipped and
 * dead-lettered as a reference to {@code <topic>.dlq}. Kafka Streams' built-in dead letter copies
 * the whole record, which fails again for the oversized one; a reference never does.
 */
final class StreamErrorHandlers {
  /**
   * Config key under which the edge hands the handlers the topics that have a dead-letter topic.
   */
  static final String TARGETS_CONFIG = "switchboard.dead-letter.topics";

  private static final Logger log = LoggerFactory.getLogger(StreamErrorHandlers.class);
  private static final String REPARTITION_SUFFIX =
      "-" + RecordOrigin.REPARTITION_NAME + "-repartition";

  private StreamErrorHandlers() {}

  /** Adds the three handlers and the topics they may dead-letter to a Kafka Streams config. */
  static void configure(Map<String, Object> config, Set<String> deadLetterSources) {
    config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class);
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class);
    config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Production.class);
    config.put(TARGETS_CONFIG, String.join(",", deadLetterSources));
  }

  /** Where a failed record came from and who read it, from the handler's config. */
  private static final class Targets {
    private String consumer = "unknown";
    private Set<String> sources = Set.of();

    void configure(Map<String, ?> configs) {
      Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
      consumer = id == null ? consumer : id.toString();
      Object topics = configs.get(TARGETS_CONFIG);
      sources =
          topics == null || topics.toString().isBlank()
              ? Set.of()
              : Set.of(topics.toString().split(","));
    }

    List<ProducerRecord<byte[], byte[]>> referenceTo(
        ErrorHandlerContext context, String what, Exception error) {
      String reason = what + ": " + error;
      Optional<RecordOrigin> origin = originOf(context);
      if (origin.isEmpty() || !sources.contains(origin.get().topic())) {
        log.error(
            "{} skips a record of {}-{}@{}, which has no dead-letter topic: {}",
            consumer,
            context.topic(),
            context.partition(),
            context.offset(),
            reason,
            error);
        return List.of();
      }
      RecordOrigin source = origin.get();
      log.error(
          "{} sent a reference to {}-{}@{} to the dead-letter topic: {}",
          consumer,
          source.topic(),
          source.partition(),
          source.offset(),
          reason,
          error);
      long size = length(context.sourceRawKey()) + length(context.sourceRawValue());
      String key = context.sourceRawKey() == null ? null : utf8(context.sourceRawKey());
      Headers headers =
          DeadLetters.referenceHeaders(
              reason, consumer, source.topic(), source.partition(), source.offset(), size);
      String kept = DeadLetters.keptKey(key);
      return List.of(
          new ProducerRecord<>(
              source.topic() + TopicNames.DLQ_SUFFIX,
              null,
              kept == null ? null : kept.getBytes(StandardCharsets.UTF_8),
              null,
              headers));
    }

    private static Optional<RecordOrigin> originOf(ErrorHandlerContext context) {
      if (context.topic() == null) {
        return Optional.empty(); // a punctuation: no input record
      }
      if (!context.topic().endsWith(REPARTITION_SUFFIX)) {
        return Optional.of(
            new RecordOrigin(context.topic(), context.partition(), context.offset(), false));
      }
      Headers headers = context.headers();
      Header topic = headers.lastHeader(SwitchboardHeaders.DLQ_SOURCE_TOPIC);
      Header partition = headers.lastHeader(SwitchboardHeaders.DLQ_SOURCE_PARTITION);
      Header offset = headers.lastHeader(SwitchboardHeaders.DLQ_SOURCE_OFFSET);
      if (topic == null || partition == null || offset == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new RecordOrigin(
                utf8(topic.value()),
                Integer.parseInt(utf8(partition.value())),
                Long.parseLong(utf8(offset.value())),
                true));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    private static long length(byte[] bytes) {
      return bytes == null ? 0 : bytes.length;
    }

    private static String utf8(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The edge's serdes take any bytes; this covers a topology extension's stricter ones. */
  public static final class Deserialization implements DeserializationExceptionHandler {
    private final Targets targets = new Targets();

    @Override
    public void configure(Map<String, ?> configs) {
      targets.configure(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      return Response.resume(targets.referenceTo(context, "cannot be deserialized", exception));
    }
  }

  /** An error a processor did not catch: skip the record, never the partition. */
  public static final class Processing implements ProcessingExceptionHandler {
    private final Targets targets = new Targets();

    @Override
    public void configure(Map<String, ?> configs) {
      targets.configure(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context,
        org.apache.kafka.streams.processor.api.Record<?, ?> record,
        Exception exception) {
      return Response.resume(targets.referenceTo(context, "processing failed", exception));
    }
  }

  /**
   * A value that cannot be serialized is skipped with a reference; a failed send keeps Kafka's
   * default (retry what is retriable, else fail), because under exactly-once the failed send has
   * already doomed the transaction: the size checks before forwarding keep sends from failing.
   */
  public static final class Production extends DefaultProductionExceptionHandler {
    private final Targets targets = new Targets();

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      targets.configure(configs);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(
        ErrorHandlerContext context,
        ProducerRecord record,
        Exception exception,
        SerializationExceptionOrigin origin) {
      return Response.resume(
          targets.referenceTo(context, "output cannot be serialized", exception));
    }
  }
}
