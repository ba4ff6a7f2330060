package dev.switchboard.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a dead-letter topic (committed records only, as the services wrote them in their
 * transactions) and writes replays back to their source topics. No consumer group: it reads without
 * moving anyone's offsets.
 */
final class KafkaDeadLetters implements DeadLetterStore, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String bootstrap;
  private KafkaProducer<String, byte[]> producer;

  KafkaDeadLetters(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Every dead letter on the topic now, by partition and offset. */
  @Override
  public List<DeadLetter> readAll(String topic) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      Instant deadline = Instant.now().plus(TIMEOUT.multipliedBy(3));
      while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new CommandFailedException("reading " + topic + " took too long");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          letters.add(DeadLetter.of(record));
        }
      }
    } catch (KafkaException e) {
      throw unreachable(e);
    }
    return letters;
  }

  /** The dead letter at {@code partition@offset}, if there is one. */
  @Override
  public Optional<DeadLetter> at(String topic, int partition, long offset) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      TopicPartition at = new TopicPartition(topic, partition);
      if (partitionsOf(consumer, topic).stream().noneMatch(at::equals)) {
        return Optional.empty();
      }
      consumer.assign(List.of(at));
      consumer.seek(at, offset);
      long end = consumer.endOffsets(List.of(at), TIMEOUT).get(at);
      Instant deadline = Instant.now().plus(TIMEOUT);
      while (consumer.position(at, TIMEOUT) < end && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() == offset) {
            return Optional.of(DeadLetter.of(record));
          }
          if (record.offset() > offset) {
            return Optional.empty(); // an aborted or compacted offset
          }
        }
      }
      return Optional.empty();
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void write(DeadLetterReplay.Plan.Replay replay) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(replay.topic(), replay.key(), replay.value());
    replay.headers().forEach(header -> record.headers().add(header.name(), header.value()));
    try {
      producer().send(record).get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted while replaying to " + replay.topic(), e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new CommandFailedException("could not replay to " + replay.topic() + ": " + e, e);
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.MAX_BLOCK_MS_CONFIG,
                  10_000,
                  ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                  15_000,
                  ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                  10_000),
              new StringSerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      throw new CommandFailedException(
          "no topic '" + topic + "' at " + bootstrap + " (try: bin/switchboard status)");
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  private CommandFailedException unreachable(KafkaException e) {
    return new CommandFailedException(
        "cannot read from Kafka at " + bootstrap + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
