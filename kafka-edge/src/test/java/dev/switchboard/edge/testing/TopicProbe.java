package dev.switchboard.edge.testing;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes raw records and events to a real broker and waits for what the services write back. Reads
 * committed records only, from the beginning of each topic, so tests sharing one broker tell their
 * records apart by goalId.
 */
public final class TopicProbe implements AutoCloseable {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final TopicNames names;
  private final EventCodec codec = new EventCodec();
  private final KafkaProducer<String, byte[]> producer;

  public TopicProbe(String bootstrapServers, TopicNames names) {
    this.bootstrapServers = bootstrapServers;
    this.names = names;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                // Room for the oversized records hostile-input tests send.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                4 * 1024 * 1024),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  public TopicNames names() {
    return names;
  }

  public EventCodec codec() {
    return codec;
  }

  /** Sends an event to its catalog topic, keyed by its goalId. */
  public void send(Topic<?> topic, SwitchboardEvent event) {
    sendRaw(names.of(topic), event.goalId(), codec.encode(event));
  }

  /** Sends any bytes, for feeding services what a careless producer would. */
  public void sendRaw(String topic, String key, byte[] value) {
    sendRaw(topic, key, value, Map.of());
  }

  /** Sends bytes with headers, e.g. a trace context that must survive a dead letter. */
  public void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
    sendRaw(topic, null, key, value, headers);
  }

  /** Sends bytes to a chosen partition (null: the key's), e.g. one the key does not belong on. */
  public void sendRaw(
      String topic, Integer partition, String key, byte[] value, Map<String, String> headers) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not send to " + topic, e.getCause());
    }
  }

  public void sendRaw(String topic, String key, String value) {
    sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits for the first event of the given type for the goal on a catalog topic. */
  public <E extends SwitchboardEvent, T extends E> T awaitEvent(
      Topic<E> topic, String goalId, Class<T> type) {
    return awaitEvent(topic, goalId, type, DEFAULT_TIMEOUT);
  }

  public <E extends SwitchboardEvent, T extends E> T awaitEvent(
      Topic<E> topic, String goalId, Class<T> type, Duration timeout) {
    ConsumerRecord<String, byte[]> record =
        awaitRecord(
            names.of(topic),
            candidate ->
                goalId.equals(candidate.key()) && type.isInstance(decodeOrNull(topic, candidate)),
            timeout);
    return type.cast(decodeOrNull(topic, record));
  }

  /** All events of the goal on a catalog topic so far, in order. */
  public <E extends SwitchboardEvent> List<E> events(Topic<E> topic, String goalId) {
    List<E> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : readAll(names.of(topic))) {
      E event = decodeOrNull(topic, record);
      if (event != null && goalId.equals(event.goalId())) {
        events.add(event);
      }
    }
    return events;
  }

  /** Waits for a record matching the predicate on any topic, e.g. a dead-letter topic. */
  public ConsumerRecord<String, byte[]> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (match.test(record)) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no matching record on " + topic + " within " + timeout);
  }

  /**
   * Waits for the dead letter of a record with the key whose reason contains {@code reasonPart}.
   */
  public ConsumerRecord<String, byte[]> awaitDeadLetter(
      Topic<?> topic, String key, String reasonPart, Duration timeout) {
    return awaitRecord(
        names.deadLetterOf(topic),
        record ->
            key.equals(record.key())
                && String.valueOf(deadLetterReason(record)).contains(reasonPart),
        timeout);
  }

  /** Everything committed on a topic right now. */
  public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          partitionsOf(consumer, topic, Instant.now().plus(DEFAULT_TIMEOUT));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static String deadLetterReason(ConsumerRecord<?, ?> record) {
    return header(record, SwitchboardHeaders.DLQ_REASON);
  }

  private <E extends SwitchboardEvent> E decodeOrNull(
      Topic<E> topic, ConsumerRecord<String, byte[]> record) {
    try {
      return codec.decode(topic, record.value());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, byte[]> consumer, String topic, Instant deadline) {
    while (true) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("topic " + topic + " does not exist");
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
