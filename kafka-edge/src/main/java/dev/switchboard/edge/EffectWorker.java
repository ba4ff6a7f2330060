package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EffectRecord.Finished;
import dev.switchboard.edge.EffectRecord.Intent;
import dev.switchboard.edge.EffectRecord.Skipped;
import dev.switchboard.edge.EffectRecord.Started;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a service's effects outside the stream. One platform thread polls committed intents ({@code
 * read_committed}) and, in ONE transaction per poll, commits their offsets together with a started
 * marker for each non-retry-safe one (or a skipped marker for one past its start deadline) — before
 * anything runs, so a taken intent is never handed to a worker again. Then each runs on a virtual
 * thread ({@link EffectRunner}); its result is written in a later transaction to the effect-results
 * topic, with the handler's public result events beside it while the attempt is within its time. No
 * transaction is open while an effect runs.
 */
final class EffectWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(EffectWorker.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

  private final String name;
  private final EffectTopics topics;
  private final Map<String, Object> consumerConfig;
  private final Map<String, Object> producerConfig;
  private final EffectHandlers handlers;
  private final EffectRunner runner;
  private final EffectRecordCodec records;
  private final EffectsProperties settings;
  private final TestHalt halt;
  private final GoalTracing tracing;
  private final OutgoingEvents outgoing;
  private final Clock clock;
  private final Queue<Done> done = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();

  /** Offsets read but not committed yet; only the loop thread touches them. */
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

  private volatile boolean active;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread loop;

  /** An attempt that is over, waiting for what it leads to be written. */
  private sealed interface Done {
    Intent intent();

    Context trace();
  }

  /** The effect ran and ended with a result. */
  private record Ran(Intent intent, EffectHandler handler, EffectResult result, Context trace)
      implements Done {}

  /** The effect found no free slot of its target and did not run ({@code why}). */
  private record NotRun(Intent intent, String why, Context trace) implements Done {}

  EffectWorker(
      String applicationId,
      EffectTopics topics,
      Map<String, Object> consumerConfig,
      Map<String, Object> producerConfig,
      EffectHandlers handlers,
      EffectRunner runner,
      EffectRecordCodec records,
      EventCodec events,
      TopicNames names,
      Service service,
      EffectsProperties settings,
      GoalTracing tracing,
      Clock clock,
      EventSignatures signatures) {
    this.name = applicationId + "-effect-worker";
    this.topics = topics;
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, name);
    this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumerConfig.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
    this.producerConfig = new HashMap<>(producerConfig);
    // One id per process: a crashed worker's open transaction is aborted by its timeout, as the
    // streams' own is; fencing of a zombie comes from the consumer group (KIP-447).
    this.producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name + "-" + UUID.randomUUID());
    this.producerConfig.put(
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
    this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    this.handlers = handlers;
    this.runner = runner;
    this.records = records;
    this.settings = settings;
    this.halt = settings.testHalt();
    this.tracing = tracing;
    this.clock = clock;
    this.outgoing = new OutgoingEvents(service, names, events, tracing, signatures);
  }

  @Override
  public synchronized void start() {
    if (active) {
      return;
    }
    active = true;
    loop = Thread.ofPlatform().name(name).start(this::work);
  }

  @Override
  public synchronized void stop() {
    if (!active) {
      return;
    }
    active = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      loop.join(settings.shutdownGrace().plusSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return active;
  }

  /** Start after the stream and stop before it, so running effects report while it still reads. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }

  /** Runs until stopped; a broken client (broker gone at start, fenced) is replaced. */
  private void work() {
    while (active) {
      try {
        workWithNewClients();
      } catch (RuntimeException e) {
        log.error("{} failed and starts again in {}: {}", name, RESTART_PAUSE, e.toString(), e);
        pause(RESTART_PAUSE);
      }
    }
  }

  private void workWithNewClients() {
    try (KafkaConsumer<String, byte[]> polling =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = polling;
      KafkaProducer<String, byte[]> producer = newProducer();
      try {
        polling.subscribe(List.of(topics.intents()), new ForgetRevokedOffsets());
        while (active) {
          producer = cycle(polling, producer);
        }
        producer = drain(polling, producer);
      } finally {
        producer.close(Duration.ofSeconds(5));
      }
    } finally {
      consumer = null;
    }
  }

  /**
   * Offsets of a partition this worker lost are not ours to commit: once the consumer has rejoined
   * the group such a commit would pass and could move the new owner back before intents it took.
   * Their retry-safe intents run again at the new owner, which is safe.
   */
  private final class ForgetRevokedOffsets implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      uncommitted.keySet().removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      uncommitted.keySet().removeAll(partitions);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One poll. Retry-safe intents run at once; their offsets ride in the next transaction (after a
   * crash they are read and run again, which is safe, and a result's derived eventId makes a
   * repeated one count once). Non-retry-safe intents run only after their started marker and all
   * offsets so far are committed. Finished results are written in the same transaction.
   */
  private KafkaProducer<String, byte[]> cycle(
      KafkaConsumer<String, byte[]> polling, KafkaProducer<String, byte[]> producer) {
    ConsumerRecords<String, byte[]> polled;
    try {
      polled = polling.poll(POLL);
    } catch (WakeupException e) {
      polled = ConsumerRecords.empty();
    }
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    List<Taken> taken = take(polled, out);
    uncommitted.putAll(nextOffsets(polled));
    taken.stream().filter(next -> next.intent().retrySafe()).forEach(this::launch);
    List<Done> ended = drainDone();
    ended.forEach(result -> out.addAll(resultRecords(result)));
    if (out.isEmpty()) {
      return producer;
    }
    Optional<KafkaProducer<String, byte[]>> failed = commit(producer, polling, out, uncommitted);
    if (failed.isPresent()) {
      // Nothing of this transaction happened: start none of the unsafe intents, read everything
      // uncommitted again, and keep the results for the next one.
      done.addAll(ended);
      rewind(polling, uncommitted.keySet());
      uncommitted.clear();
      return failed.get();
    }
    uncommitted.clear();
    taken.stream().filter(next -> !next.intent().retrySafe()).forEach(this::launch);
    return producer;
  }

  /** A taken intent, to launch once its start is committed. */
  private record Taken(Intent intent, EffectHandler handler, String target, Context trace) {}

  private List<Taken> take(
      ConsumerRecords<String, byte[]> polled, List<ProducerRecord<String, byte[]>> out) {
    List<Taken> taken = new ArrayList<>();
    Instant now = clock.instant();
    for (ConsumerRecord<String, byte[]> record : polled) {
      // The stream's own intent: no span of its own; the effect's span continues its context.
      take(record, now, GoalTracing.extract(record.headers()), out).ifPresent(taken::add);
    }
    return taken;
  }

  private Optional<Taken> take(
      ConsumerRecord<String, byte[]> record,
      Instant now,
      Context trace,
      List<ProducerRecord<String, byte[]>> out) {
    Intent intent;
    try {
      intent = (Intent) records.decode(record.value());
    } catch (RuntimeException e) {
      log.error(
          "{} skips an unreadable intent at {}-{}@{}: {}",
          name,
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Optional.empty();
    }
    Optional<EffectHandler> handler = handlers.find(intent.kind());
    if (handler.isEmpty()) {
      out.add(
          marker(
              new Skipped(intent.goalId(), intent.effectId(), intent.attempt(), "no handler"),
              trace));
      return Optional.empty();
    }
    String target = handler.get().target(intent.call());
    halt.at(TestHalt.Point.BEFORE_START, target, intent.effectId());
    if (now.isAfter(intent.startBy())) {
      log.info(
          "effect {} attempt {} of goal {} is past its start deadline; not run",
          intent.effectId(),
          intent.attempt(),
          intent.goalId());
      out.add(
          marker(
              new Skipped(
                  intent.goalId(), intent.effectId(), intent.attempt(), "start deadline passed"),
              trace));
      return Optional.empty();
    }
    if (!intent.retrySafe()) {
      out.add(marker(new Started(intent.goalId(), intent.effectId(), intent.attempt()), trace));
    }
    return Optional.of(new Taken(intent, handler.get(), target, trace));
  }

  /** The effect's span is current while it runs, for a handler's own spans and propagation. */
  @SuppressWarnings("try")
  private void launch(Taken taken) {
    running.incrementAndGet();
    Thread.ofVirtual()
        .name("effect-run-" + taken.intent().effectId())
        .start(
            () -> {
              Span span =
                  EffectSpans.start(
                      tracing, taken.trace(), taken.intent(), taken.target(), taken.handler());
              try (Scope scope = span.makeCurrent()) {
                halt.at(TestHalt.Point.BEFORE_CALL, taken.target(), taken.intent().effectId());
                EffectResult result;
                try {
                  result = runner.run(taken.handler(), taken.intent());
                } catch (EffectRunner.NoFreeSlot busy) {
                  // Nothing ran: a skipped attempt, which the edge issues again (max-attempts).
                  span.setAttribute(TraceConventions.ERROR_TYPE, "busy");
                  done.add(new NotRun(taken.intent(), busy.getMessage(), taken.trace().with(span)));
                  return;
                }
                EffectSpans.outcome(tracing, span, taken.intent(), taken.handler(), result);
                halt.at(TestHalt.Point.AFTER_CALL, taken.target(), taken.intent().effectId());
                done.add(
                    new Ran(taken.intent(), taken.handler(), result, taken.trace().with(span)));
              } finally {
                span.end();
                running.decrementAndGet();
                KafkaConsumer<String, byte[]> current = consumer;
                if (current != null) {
                  current.wakeup();
                }
              }
            });
  }

  /** What an attempt writes: a {@code Skipped} marker when it did not run, else its result. */
  private List<ProducerRecord<String, byte[]>> resultRecords(Done attempt) {
    return switch (attempt) {
      case NotRun notRun -> {
        Intent intent = notRun.intent();
        log.info(
            "effect {} attempt {} of goal {} not run: {}",
            intent.effectId(),
            intent.attempt(),
            intent.goalId(),
            notRun.why());
        yield List.of(
            marker(
                new Skipped(intent.goalId(), intent.effectId(), intent.attempt(), notRun.why()),
                notRun.trace()));
      }
      case Ran ran -> resultRecords(ran);
    };
  }

  /**
   * The result, and beside it the handler's public events while the attempt is within its time: a
   * transaction begun by {@code resultBy} commits (or is aborted) within the transaction timeout,
   * so before the deadline the stream acts on.
   */
  private List<ProducerRecord<String, byte[]>> resultRecords(Ran ended) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    List<SwitchboardEvent> publish = List.of();
    if (!clock.instant().isAfter(ended.intent().resultBy())) {
      try {
        publish = ended.handler().resultEvents(ended.intent().call(), ended.result());
      } catch (RuntimeException e) {
        log.error(
            "result events of effect {} failed; the stream tries again",
            ended.intent().effectId(),
            e);
      }
    } else {
      log.warn(
          "effect {} of goal {} ended after its report time; the stream decides what to publish",
          ended.intent().effectId(),
          ended.intent().goalId());
    }
    out.add(marker(new Finished(ended.result(), !publish.isEmpty()), ended.trace()));
    for (SwitchboardEvent event : publish) {
      out.add(outgoing.of(event, ended.trace(), Attributes.empty()).toProducerRecord());
    }
    log.info(
        "effect {} attempt {} of goal {}: {}",
        ended.intent().effectId(),
        ended.intent().attempt(),
        ended.intent().goalId(),
        ended.result().getClass().getSimpleName());
    return out;
  }

  private ProducerRecord<String, byte[]> marker(EffectRecord record, Context trace) {
    return new ProducerRecord<>(
        topics.results(),
        null,
        record.goalId(),
        records.encode(record),
        GoalTracing.carry(trace, new RecordHeaders()));
  }

  /** Empty when committed; otherwise the producer to use from now on. */
  private Optional<KafkaProducer<String, byte[]>> commit(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> polling,
      List<ProducerRecord<String, byte[]>> out,
      Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      producer.beginTransaction();
      out.forEach(producer::send);
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, polling.groupMetadata());
      }
      producer.commitTransaction();
      return Optional.empty();
    } catch (ProducerFencedException
        | OutOfOrderSequenceException
        | InvalidProducerEpochException
        | AuthorizationException e) {
      log.warn("{}: transaction failed for good ({}); starting a new producer", name, e.toString());
      producer.close(Duration.ZERO);
      return Optional.of(newProducer());
    } catch (KafkaException e) {
      log.warn("{}: transaction failed ({}); aborting it", name, e.toString());
      try {
        producer.abortTransaction();
        return Optional.of(producer);
      } catch (KafkaException abortFailed) {
        producer.close(Duration.ZERO);
        return Optional.of(newProducer());
      }
    }
  }

  /** Back to the committed offsets, so the intents of an aborted take are read again. */
  private void rewind(KafkaConsumer<String, byte[]> polling, Set<TopicPartition> partitions) {
    while (true) {
      try {
        Set<TopicPartition> owned = new HashSet<>(partitions);
        owned.retainAll(polling.assignment());
        if (owned.isEmpty()) {
          return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = polling.committed(owned);
        for (TopicPartition partition : owned) {
          OffsetAndMetadata offset = committed.get(partition);
          if (offset == null) {
            polling.seekToBeginning(List.of(partition));
          } else {
            polling.seek(partition, offset);
          }
        }
        return;
      } catch (WakeupException e) {
        // An effect ended meanwhile; its result waits for the next transaction.
      }
    }
  }

  /** Stopping: take nothing new, write what the running effects report within the grace. */
  private KafkaProducer<String, byte[]> drain(
      KafkaConsumer<String, byte[]> polling, KafkaProducer<String, byte[]> producer) {
    Instant until = clock.instant().plus(settings.shutdownGrace());
    while (true) {
      List<Done> ended = drainDone();
      if (!ended.isEmpty()) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        ended.forEach(result -> out.addAll(resultRecords(result)));
        Optional<KafkaProducer<String, byte[]>> failed =
            commit(producer, polling, out, uncommitted);
        uncommitted.clear();
        if (failed.isPresent()) {
          done.addAll(ended);
          producer = failed.get();
        }
      }
      if ((running.get() == 0 && done.isEmpty()) || clock.instant().isAfter(until)) {
        if (running.get() > 0) {
          log.warn(
              "{} stops with {} effects still running; their deadlines decide",
              name,
              running.get());
        }
        return producer;
      }
      pause(Duration.ofMillis(50));
    }
  }

  private List<Done> drainDone() {
    List<Done> ended = new ArrayList<>();
    for (Done next = done.poll(); next != null; next = done.poll()) {
      ended.add(next);
    }
    return ended;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> polled) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : polled.partitions()) {
      List<ConsumerRecord<String, byte[]>> records = polled.records(partition);
      offsets.put(partition, new OffsetAndMetadata(records.getLast().offset() + 1));
    }
    return offsets;
  }

  private KafkaProducer<String, byte[]> newProducer() {
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
    return producer;
  }
}
