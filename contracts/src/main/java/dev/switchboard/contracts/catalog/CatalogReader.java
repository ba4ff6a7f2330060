package dev.switchboard.contracts.catalog;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest entry per name of a compacted catalog topic in memory, e.g. the guardrail's and
 * the planner's view of {@link Catalogs#TOOLS}: it reads every partition from the start (no
 * consumer group), applies tombstones, and skips entries it cannot read (with a warning). With
 * event-signing keys it believes only entries and tombstones the catalog's one writer signed
 * ({@link WriterSignatures#CATALOG_DOMAIN}); others are ignored, logged and counted ({@link
 * #refused()}).
 *
 * <pre>{@code
 * try (CatalogReader<ToolEntry> tools = CatalogReader.start(kafkaConfig, names, Catalogs.TOOLS)) {
 *   tools.awaitCaughtUp(Duration.ofSeconds(10));
 *   boolean readOnly = tools.find("crm.lookup_account").map(t -> !t.sideEffect()).orElse(false);
 * }
 * }</pre>
 */
public final class CatalogReader<E extends CatalogEntry> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final CatalogTopic<E> catalog;
  private final EventCodec codec;
  private final WriterSignatures signatures;
  private final Map<String, E> entries = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private Map<TopicPartition, Long> endOffsetsAtStart;
  private volatile boolean closed;
  private Thread poller;

  CatalogReader(
      Consumer<String, byte[]> consumer,
      String topic,
      CatalogTopic<E> catalog,
      EventCodec codec,
      WriterSignatures signatures) {
    this.consumer = consumer;
    this.topic = topic;
    this.catalog = catalog;
    this.codec = codec;
    this.signatures = signatures;
  }

  /**
   * Starts reading on a thread of its own.
   *
   * @param kafkaConfig common client settings (bootstrap servers, security)
   * @param signatures checks that the catalog's one writer signed each entry and tombstone
   */
  public static <E extends CatalogEntry> CatalogReader<E> start(
      Map<String, Object> kafkaConfig,
      TopicNames names,
      CatalogTopic<E> catalog,
      WriterSignatures signatures) {
    Properties config = new Properties();
    config.putAll(new HashMap<>(kafkaConfig));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    CatalogReader<E> reader =
        new CatalogReader<>(
            new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
            names.of(catalog),
            catalog,
            new EventCodec(),
            signatures);
    reader.startPolling();
    return reader;
  }

  void startPolling() {
    poller =
        Thread.ofPlatform()
            .daemon()
            .name("catalog-reader-" + topic)
            .start(
                () -> {
                  try {
                    while (!closed) {
                      pollOnce();
                    }
                  } catch (WakeupException e) {
                    // closing
                  } catch (RuntimeException e) {
                    if (!closed) {
                      log.error("reading the {} catalog stopped", topic, e);
                    }
                  } finally {
                    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
                  }
                });
  }

  /** One poll: assigns the partitions once the topic exists, then applies what arrived. */
  void pollOnce() {
    if (endOffsetsAtStart == null) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.partitionsFor(topic, POLL);
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        return; // the cluster does not answer yet: try again
      }
      if (partitions == null || partitions.isEmpty()) {
        // Not created yet: an empty catalog is fully read.
        caughtUp.countDown();
        sleepQuietly();
        return;
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      endOffsetsAtStart = consumer.endOffsets(assigned);
    }
    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
      apply(record);
    }
    if (caughtUp.getCount() > 0 && reachedStartEnd()) {
      caughtUp.countDown();
    }
  }

  private boolean reachedStartEnd() {
    for (Map.Entry<TopicPartition, Long> end : endOffsetsAtStart.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  void apply(ConsumerRecord<String, byte[]> record) {
    String name = record.key();
    if (name == null) {
      log.warn("skipping a {} record without key at offset {}", topic, record.offset());
      return;
    }
    Optional<String> forged =
        signatures.problemWith(
            WriterSignatures.CATALOG_DOMAIN,
            catalog.baseName(),
            catalog.writer(),
            name,
            record.value(),
            record.headers());
    if (forged.isPresent()) {
      refused.incrementAndGet();
      log.warn(
          "ignoring {} {} of '{}' at offset {}: {}",
          topic,
          record.value() == null ? "tombstone" : "entry",
          name,
          record.offset(),
          forged.get());
      return;
    }
    if (record.value() == null) {
      entries.remove(name);
      return;
    }
    try {
      E entry = codec.decode(catalog, record.value());
      if (!name.equals(entry.name())) {
        throw new MalformedEventException(
            "key '" + name + "' is not the entry's name '" + entry.name() + "'");
      }
      entries.put(name, entry);
    } catch (MalformedEventException e) {
      log.warn(
          "skipping {} entry {} at offset {}: {}", topic, name, record.offset(), e.getMessage());
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until everything that was on the topic when reading started has been read.
   *
   * @return false when that did not happen in time
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Optional<E> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** Entries and tombstones ignored because the catalog's writer did not sign them. */
  public long refused() {
    return refused.get();
  }

  /** A snapshot of the current entries by name. */
  public Map<String, E> entries() {
    return Map.copyOf(entries);
  }

  @Override
  public void close() {
    closed = true;
    if (poller == null) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      return;
    }
    consumer.wakeup();
    try {
      poller.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
