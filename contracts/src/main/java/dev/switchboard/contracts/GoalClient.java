package dev.switchboard.contracts;

import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Submits goals and waits for their outcome with nothing but kafka-clients: what any producer in
 * any language does, in Java.
 */
public final class GoalClient implements AutoCloseable {
  /** Outcomes are searched from this long before the goal was submitted (clock skew). */
  private static final Duration LOOKBACK = Duration.ofMinutes(1);

  private final Map<String, Object> kafkaConfig;
  private final TopicNames names;
  private final EventCodec codec = new EventCodec();
  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, Instant> submittedAt = new ConcurrentHashMap<>();

  /** Test seam: runs once the outcome consumer is positioned, right before its first poll. */
  private Runnable beforeFirstPoll = () -> {};

  public GoalClient(String bootstrapServers) {
    this(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), TopicNames.unprefixed());
  }

  /**
   * @param kafkaConfig common client settings (bootstrap servers, security); serializers are set
   *     here
   */
  public GoalClient(Map<String, Object> kafkaConfig, TopicNames names) {
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.names = names;
    Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
  }

  /** Submits a goal for an agent (null: the default agent) and returns its new goalId. */
  public String submit(String agent, String description, Map<String, String> inputs) {
    String goalId = UUID.randomUUID().toString();
    submit(
        new GoalSubmitted(
            goalId, UUID.randomUUID(), null, Instant.now(), agent, description, inputs));
    return goalId;
  }

  public String submit(GoalSubmitted goal) {
    send(goal);
    submittedAt.put(goal.goalId(), goal.occurredAt());
    return goal.goalId();
  }

  public void cancel(String goalId, String reason, String requestedBy) {
    send(
        new GoalEvent.GoalCancelled(
            goalId, UUID.randomUUID(), null, Instant.now(), reason, requestedBy));
  }

  private void send(GoalEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(names.of(Topics.GOALS), event.goalId(), codec.encode(event));
    header(record, SwitchboardHeaders.GOAL_ID, event.goalId());
    header(record, SwitchboardHeaders.EVENT_TYPE, EventCodec.typeName(event));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while submitting goal " + event.goalId(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not submit goal " + event.goalId() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  /**
   * Waits until the goal's outcome appears on the {@code outcome} topic and returns it.
   *
   * <p>The outcome is returned whenever it was written: before this call, while the call sets up
   * its consumer, or afterwards within the timeout. Every position is fixed eagerly before the
   * first poll (never a lazy {@code seekToEnd}, which Kafka resolves only at that poll and so would
   * skip a record written in between). For a goal submitted through this client the search starts
   * at the first record not older than a minute before the submission (allowing for clock skew);
   * for any other goal it starts at the beginning of the goal's partition. Only committed records
   * are read.
   *
   * @throws TimeoutException when no outcome arrived in time
   */
  public OutcomeEvent awaitOutcome(String goalId, Duration timeout)
      throws TimeoutException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer = outcomeConsumer()) {
      TopicPartition partition = partitionOf(consumer, goalId, deadline);
      consumer.assign(List.of(partition));
      consumer.seek(partition, startOffset(consumer, partition, submittedAt.get(goalId)));
      beforeFirstPoll.run();
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (goalId.equals(record.key())) {
            OutcomeEvent outcome = decodeOrNull(record.value());
            if (outcome != null && goalId.equals(outcome.goalId())) {
              return outcome;
            }
          }
        }
      }
    }
    throw new TimeoutException("no outcome for goal " + goalId + " within " + timeout);
  }

  private OutcomeEvent decodeOrNull(byte[] value) {
    try {
      return codec.decode(Topics.OUTCOME, value);
    } catch (MalformedEventException e) {
      return null;
    }
  }

  private KafkaConsumer<String, byte[]> outcomeConsumer() {
    Properties config = new Properties();
    config.putAll(kafkaConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The partition the default partitioner gives the goalId key, once the topic exists. */
  private TopicPartition partitionOf(
      KafkaConsumer<String, byte[]> consumer, String goalId, Instant deadline)
      throws TimeoutException, InterruptedException {
    String topic = names.of(Topics.OUTCOME);
    while (true) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
      if (partitions != null && !partitions.isEmpty()) {
        int hash = Utils.toPositive(Utils.murmur2(goalId.getBytes(StandardCharsets.UTF_8)));
        return new TopicPartition(topic, hash % partitions.size());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("topic " + topic + " does not exist");
      }
      Thread.sleep(200);
    }
  }

  /**
   * Where the search for the goal's outcome starts. The end offset is read before the lookup by
   * time: when that lookup finds no record recent enough, nothing written since lies before it.
   */
  private static long startOffset(
      KafkaConsumer<String, byte[]> consumer, TopicPartition partition, Instant since) {
    if (since == null) {
      return consumer.beginningOffsets(List.of(partition)).get(partition);
    }
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    OffsetAndTimestamp found =
        consumer
            .offsetsForTimes(Map.of(partition, since.minus(LOOKBACK).toEpochMilli()))
            .get(partition);
    return found == null ? end : found.offset();
  }

  /** For tests that write an outcome in the window between positioning and the first poll. */
  void beforeFirstPoll(Runnable hook) {
    this.beforeFirstPoll = hook;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
