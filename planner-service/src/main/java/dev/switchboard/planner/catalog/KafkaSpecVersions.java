package dev.switchboard.planner.catalog;

import dev.switchboard.planner.spec.AgentSpecParser;
import dev.switchboard.planner.spec.InvalidSpecException;
import dev.switchboard.planner.spec.LoadedSpec;
import dev.switchboard.planner.spec.SpecVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every spec version on the planner's own compacted topic (key = content hash, value = the file as
 * read), read whole at start and followed while running: a restarted planner, or another instance,
 * finds the version a goal started with. The topic has one partition, so one reader sees it all.
 */
public final class KafkaSpecVersions implements SpecVersions, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaSpecVersions.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** One version as stored. */
  record StoredSpec(String name, String contentHash, String source, String content) {}

  private final Map<String, Object> consumerConfig;
  private final String topic;
  private final AgentSpecParser parser;
  private final JsonMapper mapper;
  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, LoadedSpec> versions = new ConcurrentHashMap<>();
  private volatile KafkaConsumer<String, byte[]> follower;
  private volatile Thread following;
  private volatile boolean running;

  public KafkaSpecVersions(
      Map<String, Object> producerConfig,
      Map<String, Object> consumerConfig,
      String topic,
      AgentSpecParser parser,
      JsonMapper mapper) {
    Map<String, Object> producing = new HashMap<>(producerConfig);
    producing.put(ProducerConfig.ACKS_CONFIG, "all");
    producing.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer =
        new KafkaProducer<>(producing, new StringSerializer(), new ByteArraySerializer());
    Map<String, Object> consuming = new HashMap<>(consumerConfig);
    consuming.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consuming.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerConfig = Map.copyOf(consuming);
    this.topic = topic;
    this.parser = parser;
    this.mapper = mapper;
  }

  public String topic() {
    return topic;
  }

  /** Reads every version kept so far, then follows the topic for versions other instances keep. */
  public void start() {
    KafkaConsumer<String, byte[]> consumer = readToEnd();
    running = true;
    follower = consumer;
    following =
        Thread.ofVirtual()
            .name("agent-spec-versions")
            .start(
                () -> {
                  try {
                    while (running) {
                      consumer.poll(Duration.ofMillis(500)).forEach(this::take);
                    }
                  } catch (WakeupException e) {
                    // closing
                  } finally {
                    consumer.close();
                  }
                });
    log.info("{} spec versions known from {}", versions.size(), topic);
  }

  @Override
  public void keep(LoadedSpec spec) {
    if (versions.containsKey(spec.contentHash())) {
      return;
    }
    byte[] value =
        mapper.writeValueAsBytes(
            new StoredSpec(spec.name(), spec.contentHash(), spec.source(), spec.content()));
    try {
      producer
          .send(new ProducerRecord<>(topic, spec.contentHash(), value))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while keeping " + spec, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not keep " + spec + " on " + topic + ": " + e, e);
    }
    versions.put(spec.contentHash(), spec);
  }

  /** A version not seen yet may have been kept a moment ago by another instance: look once more. */
  @Override
  public Optional<LoadedSpec> find(String contentHash) {
    LoadedSpec known = versions.get(contentHash);
    if (known != null) {
      return Optional.of(known);
    }
    readToEnd().close();
    return Optional.ofNullable(versions.get(contentHash));
  }

  private KafkaConsumer<String, byte[]> readToEnd() {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(Set.of(partition), READ_TIMEOUT).get(partition);
    Instant deadline = Instant.now().plus(READ_TIMEOUT);
    while (consumer.position(partition, READ_TIMEOUT) < end) {
      if (Instant.now().isAfter(deadline)) {
        consumer.close();
        throw new IllegalStateException("could not read " + topic + " within " + READ_TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(this::take);
    }
    return consumer;
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || versions.containsKey(record.key())) {
      return;
    }
    try {
      StoredSpec stored = mapper.readValue(record.value(), StoredSpec.class);
      LoadedSpec spec = parser.parse(stored.source(), stored.content());
      if (spec.contentHash().equals(record.key())) {
        versions.put(spec.contentHash(), spec);
      } else {
        log.warn("spec version {} on {} does not match its content; ignored", record.key(), topic);
      }
    } catch (JacksonException | InvalidSpecException e) {
      log.warn(
          "spec version {} on {} cannot be read by this build: {}",
          record.key(),
          topic,
          e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> consumer = follower;
    if (consumer != null) {
      consumer.wakeup();
    }
    Thread thread = following;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(Duration.ofSeconds(5));
  }
}
