package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the pages' live updates on every instance: reads all partitions of {@code escalation} and
 * {@code resolution} from their end (no consumer group, committed records only) and, once the
 * item's owner shows the event, tells {@link InboxEvents}. Waiting for the owner means a page that
 * reloads on the event always sees the change.
 */
final class InboxChangeFeed implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(InboxChangeFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
  private static final Duration RECHECK = Duration.ofMillis(100);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  private final Map<String, Object> consumerConfig;
  private final TopicNames names;
  private final EventCodec codec;
  private final Function<String, Optional<InboxItem>> items;
  private final InboxEvents events;
  private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread reader;
  private volatile boolean running;

  /**
   * @param items the item as its owner holds it now (empty when unknown or unreachable)
   */
  InboxChangeFeed(
      Map<String, Object> kafkaConfig,
      TopicNames names,
      EventCodec codec,
      Function<String, Optional<InboxItem>> items,
      InboxEvents events) {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    this.consumerConfig = config;
    this.names = names;
    this.codec = codec;
    this.items = items;
    this.events = events;
  }

  @Override
  public void start() {
    running = true;
    reader = Thread.ofPlatform().name("inbox-change-feed").daemon().start(this::read);
    ticks.scheduleAtFixedRate(
        events::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    ticks.shutdownNow();
    waiting.shutdownNow();
    events.closeAll();
    Thread thread = reader;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void read() {
    try (KafkaConsumer<String, byte[]> kafka =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = kafka;
      List<TopicPartition> partitions = awaitPartitions(kafka);
      kafka.assign(partitions);
      kafka.seekToEnd(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
          eventOf(record).ifPresent(event -> waiting.submit(() -> announceWhenVisible(event)));
        }
      }
    } catch (WakeupException stopping) {
      log.debug("inbox change feed stopped");
    } catch (RuntimeException e) {
      if (running) {
        log.warn("inbox change feed stopped; pages no longer update live: {}", e.toString());
      }
    }
  }

  /** The topics exist once the edge has created them; until then, ask again. */
  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
    while (running) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic<?> topic : List.of(Topics.ESCALATION, Topics.RESOLUTION)) {
        kafka.partitionsFor(names.of(topic)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .forEach(partitions::add);
      }
      if (!partitions.isEmpty()) {
        return partitions;
      }
      kafka.poll(POLL);
    }
    return List.of();
  }

  private Optional<SwitchboardEvent> eventOf(ConsumerRecord<String, byte[]> record) {
    try {
      Topic<?> topic = names.topicNamed(record.topic()).orElseThrow();
      return Optional.of(codec.decode(topic, record.value()));
    } catch (MalformedEventException | java.util.NoSuchElementException unreadable) {
      return Optional.empty();
    }
  }

  private void announceWhenVisible(SwitchboardEvent event) {
    String escalationId =
        switch (event) {
          case EscalationEvent escalation -> escalation.escalationId();
          case ResolutionEvent resolution -> resolution.escalationId();
          default -> null;
        };
    if (escalationId == null) {
      return;
    }
    UUID eventId = event.eventId();
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    while (running && System.nanoTime() < deadline) {
      Optional<InboxItem> item = items.apply(escalationId);
      if (item.isPresent() && item.get().hasSeen(eventId)) {
        events.changed(item.get());
        return;
      }
      try {
        Thread.sleep(RECHECK);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    items.apply(escalationId).ifPresent(events::changed);
  }
}
