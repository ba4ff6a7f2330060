package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EffectRecord.Finished;
import dev.switchboard.edge.EffectRecord.Intent;
import dev.switchboard.edge.EffectRecord.Skipped;
import dev.switchboard.edge.EffectRecord.Started;
import dev.switchboard.edge.EffectRecord.TimerDue;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams adapter around a {@link GoalProcessor}: decode, skip what was applied already,
 * decide, then store the new state, forward the emitted events, write the intents of the asked-for
 * effects and set the asked-for timers, all in the same transaction. Records of the service's
 * effect-results topic (started markers, results, due timers) are applied through {@link
 * EffectBookkeeping} and reach the processor as {@code onEffectResult} / {@code onTimer}. A wall-
 * clock punctuator writes due timers to that topic, so a timer is acted on only after everything
 * written to the goal's partition before it fell due. A record it cannot take goes to its topic's
 * dead-letter topic with the reason; the next record is processed as usual.
 */
final class GoalEventProcessor<S> implements Processor<String, byte[], String, Outgoing> {
  private static final Logger log = LoggerFactory.getLogger(GoalEventProcessor.class);

  /** Due timers fired per punctuation; the rest wait for the next one. */
  private static final int MAX_TIMERS_PER_PUNCTUATION = 1000;

  private final GoalProcessor<S> logic;
  private final TopicNames names;
  private final EventCodec codec;
  private final GoalStateCodec<S> states;
  private final String consumerName;
  private final EffectTopics effectTopics;
  private final EffectRecordCodec effectRecords;
  private final EffectBookkeeping bookkeeping;
  private final EffectHandlers handlers;
  private final Duration timerInterval;
  private final RetentionProperties retention;
  private final GoalTracing tracing;
  private final Clock clock;
  private final RecordGate gate;
  private final OutgoingEvents outgoing;
  private ProcessorContext<String, Outgoing> context;
  private KeyValueStore<String, byte[]> store;
  private KeyValueStore<String, byte[]> timerStore;

  GoalEventProcessor(
      GoalProcessor<S> logic,
      TopicNames names,
      EventCodec codec,
      String consumerName,
      EffectTopics effectTopics,
      EffectHandlers handlers,
      EffectsProperties effects,
      RetentionProperties retention,
      GoalTracing tracing,
      Clock clock,
      RecordGate gate) {
    this.logic = logic;
    this.names = names;
    this.codec = codec;
    this.states = new GoalStateCodec<>(codec, logic.stateType());
    this.consumerName = consumerName;
    this.effectTopics = effectTopics;
    this.effectRecords = new EffectRecordCodec(codec.mapper());
    this.bookkeeping = new EffectBookkeeping(effects.timings());
    this.handlers = handlers;
    this.timerInterval = effects.timerInterval();
    this.retention = retention;
    this.tracing = tracing;
    this.clock = clock;
    this.gate = gate;
    this.outgoing = new OutgoingEvents(logic.service(), names, codec, tracing, gate.signatures());
  }

  @Override
  public void init(ProcessorContext<String, Outgoing> context) {
    this.context = context;
    this.store = context.getStateStore(GoalStreamTopology.STORE);
    this.timerStore = context.getStateStore(GoalStreamTopology.TIMER_STORE);
    context.schedule(timerInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordOrigin source = RecordOrigin.of(context.recordMetadata().orElseThrow(), record.headers());
    // The producer's context (a goal's caller, or the send span that wrote it); else a new trace.
    Context parent = GoalTracing.extract(record.headers());
    if (source.topic().equals(effectTopics.results())) {
      // The edge's own record: no span of its own (see GoalTracing.carry).
      RecordOrigin.unstamp(record.headers());
      processEffectRecord(record, parent);
      return;
    }
    Span span =
        tracing.startProcess(
            source.topic(),
            consumerName,
            source.partition(),
            source.offset(),
            record.key(),
            parent);
    boolean ledToSomething = true;
    try {
      ledToSomething = process(record, source, parent.with(span));
    } finally {
      tracing.endProcess(span, ledToSomething);
    }
  }

  /**
   * @return whether the record led to something its span shows: a record or effect written, a timer
   *     set, a span or decision attribute noted, a dead letter; not so for a read that only updates
   *     the goal's state or is skipped (see {@link GoalTracing#endProcess})
   */
  private boolean process(Record<String, byte[]> record, RecordOrigin source, Context trace) {
    Optional<RecordGate.Rejection> rejection = gate.check(record, source);
    RecordOrigin.unstamp(record.headers());
    if (rejection.isPresent()) {
      deadLetter(record, source, rejection.get());
      return true;
    }
    try {
      Topic<?> topic =
          names
              .topicNamed(source.topic())
              .orElseThrow(() -> new MalformedEventException("not a catalog topic"));
      Optional<String> forged =
          gate.signatures().problemWith(topic, record.key(), record.value(), record.headers());
      if (forged.isPresent()) {
        throw new MalformedEventException(forged.get());
      }
      SwitchboardEvent event = codec.decode(topic, record.value());
      if (!event.goalId().equals(record.key())) {
        throw new MalformedEventException(
            "record key '" + record.key() + "' must equal the goalId '" + event.goalId() + "'");
      }
      Span.fromContext(trace).setAttribute(TraceConventions.EVENT_TYPE, EventCodec.typeName(event));
      return apply(event, trace);
    } catch (MalformedEventException e) {
      failed(trace, e);
      deadLetter(record, source, e.getMessage());
    } catch (RuntimeException e) {
      // A bug or an event the logic cannot take: park it with the reason rather than stop the
      // partition for every other goal.
      log.error("{} could not process a record from {}", consumerName, source.topic(), e);
      failed(trace, e);
      deadLetter(record, source, "processing failed: " + e);
    }
    return true;
  }

  private static void failed(Context trace, Exception e) {
    Span.fromContext(trace)
        .setStatus(StatusCode.ERROR)
        .setAttribute(TraceConventions.ERROR_TYPE, e.getClass().getName());
  }

  /** Returns whether the decision led to something a span shows. */
  private boolean apply(SwitchboardEvent event, Context trace) {
    StoredGoal<S> stored = states.decode(store.get(event.goalId()));
    if (stored.forgotten()) {
      log.debug(
          "{} skips event {} of goal {}: the goal ended and was forgotten",
          consumerName,
          event.eventId(),
          event.goalId());
      return false;
    }
    if (stored.hasApplied(event.eventId())) {
      log.debug(
          "{} skips event {} of goal {}: applied already",
          consumerName,
          event.eventId(),
          event.goalId());
      return false;
    }
    Decision<S> decision = logic.decide(stored.state(), event, EventContext.of(trace));
    new Changes(event.goalId(), stored.withApplied(event.eventId()), trace).apply(decision).save();
    return !decision.isQuiet();
  }

  /** Our own records: a failure here is a bug, logged loudly; there is no dead-letter topic. */
  private void processEffectRecord(Record<String, byte[]> record, Context trace) {
    EffectRecord effectRecord;
    try {
      effectRecord = effectRecords.decode(record.value());
    } catch (RuntimeException e) {
      log.error("{} skips an unreadable record of {}: {}", consumerName, effectTopics.results(), e);
      return;
    }
    String goalId = effectRecord.goalId();
    try {
      StoredGoal<S> stored = states.decode(store.get(goalId));
      Instant now = clock.instant();
      if (effectRecord instanceof TimerDue due && due.key().isRetention()) {
        retentionDue(goalId, stored);
        return;
      }
      if (stored.forgotten()) {
        log.debug(
            "{}: goal {} was forgotten; a late effect record is ignored", consumerName, goalId);
        return;
      }
      switch (effectRecord) {
        case Started started ->
            follow(
                goalId,
                stored,
                started.effectId(),
                bookkeeping.onStarted(stored.effects().get(started.effectId()), started),
                trace);
        case Skipped skipped ->
            follow(
                goalId,
                stored,
                skipped.effectId(),
                bookkeeping.onSkipped(stored.effects().get(skipped.effectId()), skipped, now),
                trace);
        case Finished finished -> {
          String effectId = finished.result().effectId();
          follow(
              goalId,
              stored,
              effectId,
              bookkeeping.onFinished(stored.effects().get(effectId), finished),
              trace);
        }
        case TimerDue due -> timerDue(goalId, stored, due, trace);
        case Intent intent ->
            log.error("{}: an intent on {} is misplaced", consumerName, effectTopics.results());
      }
    } catch (RuntimeException e) {
      log.error(
          "{} could not apply {} of goal {}",
          consumerName,
          effectRecord.getClass().getSimpleName(),
          goalId,
          e);
    }
  }

  private void follow(
      String goalId, StoredGoal<S> stored, String effectId, EffectStep step, Context trace) {
    switch (step) {
      case EffectStep.Ignore ignore ->
          log.info("{}: goal {}: {}; ignored", consumerName, goalId, ignore.why());
      case EffectStep.Update update ->
          store.put(goalId, states.encode(stored.withEffect(effectId, update.pending())));
      case EffectStep.Reissue reissue -> {
        log.info(
            "{}: goal {}: effect {} issued again (attempt {})",
            consumerName,
            goalId,
            effectId,
            reissue.next().attempt());
        Changes changes = new Changes(goalId, stored, trace);
        changes.writeIntent(effectId, reissue.next());
        changes.save();
      }
      case EffectStep.Resolve resolve -> {
        PendingEffect pending = stored.effects().get(effectId);
        Changes changes = new Changes(goalId, stored, trace);
        changes.forgetEffect(effectId);
        if (resolve.publish()) {
          resultEvents(pending, goalId, effectId, resolve.result()).forEach(changes::emit);
        }
        changes.apply(logic.onEffectResult(changes.goal.state(), resolve.result()));
        changes.save();
      }
    }
  }

  /** A handler that cannot build its events must not keep the result from its processor. */
  private List<SwitchboardEvent> resultEvents(
      PendingEffect pending, String goalId, String effectId, EffectResult result) {
    try {
      return handlers.require(pending.kind()).resultEvents(pending.call(goalId, effectId), result);
    } catch (RuntimeException e) {
      log.error(
          "{}: goal {}: result events of effect {} failed", consumerName, goalId, effectId, e);
      return List.of();
    }
  }

  private void timerDue(String goalId, StoredGoal<S> stored, TimerDue due, Context trace) {
    TimerKey key = due.key();
    if (key.isEffectDeadline()) {
      String effectId = key.id();
      follow(
          goalId,
          stored,
          effectId,
          bookkeeping.onDeadline(stored.effects().get(effectId), effectId, due, clock.instant()),
          trace);
      return;
    }
    String timerId = key.id();
    Long dueMillis = stored.timers().get(timerId);
    if (dueMillis == null || dueMillis != due.dueMillis()) {
      log.debug("{}: goal {}: timer {} was cancelled or moved", consumerName, goalId, timerId);
      return;
    }
    Changes changes = new Changes(goalId, stored.withTimer(timerId, null), trace);
    changes.apply(logic.onTimer(changes.goal.state(), goalId, timerId, clock.instant()));
    changes.save();
  }

  /**
   * An ended goal's retention is over: its state becomes a tombstone (its own timers go with it),
   * and a tombstone's retention over means the key goes. An effect still pending keeps the state
   * for another round, so its result still finds it.
   */
  private void retentionDue(String goalId, StoredGoal<S> stored) {
    long now = clock.millis();
    if (stored.forgotten()) {
      store.delete(goalId);
      return;
    }
    if (stored.endedAt() == null) {
      return;
    }
    if (!stored.effects().isEmpty()) {
      timerStore.put(
          TimerKey.retention(now + retention.endedGoals().toMillis(), goalId).storeKey(),
          retentionRecord(goalId, now + retention.endedGoals().toMillis()));
      return;
    }
    stored
        .timers()
        .forEach(
            (timerId, due) ->
                timerStore.delete(TimerKey.processorTimer(due, goalId, timerId).storeKey()));
    long forgetAt = now + retention.tombstones().toMillis();
    timerStore.put(
        TimerKey.retention(forgetAt, goalId).storeKey(), retentionRecord(goalId, forgetAt));
    store.put(goalId, states.encode(StoredGoal.tombstone(stored.endedAt())));
    log.debug("{}: goal {} ended and is forgotten; a tombstone stays", consumerName, goalId);
  }

  private byte[] retentionRecord(String goalId, long dueMillis) {
    TimerKey key = TimerKey.retention(dueMillis, goalId);
    return effectRecords.encode(new TimerDue(goalId, key.name(), dueMillis));
  }

  /**
   * Everything one decision changes for a goal, computed first and written together at the end, so
   * a failure half-way changes nothing.
   */
  private final class Changes {
    private final String goalId;
    private Context trace;
    private SpanNotes notes = SpanNotes.none();
    private final Instant now = clock.instant();
    private final List<Record<String, Outgoing>> out = new ArrayList<>();
    private final Map<String, byte[]> timerPuts = new LinkedHashMap<>();
    private final Set<String> timerDeletes = new LinkedHashSet<>();
    private StoredGoal<S> goal;

    Changes(String goalId, StoredGoal<S> goal, Context trace) {
      this.goalId = goalId;
      this.goal = goal;
      this.trace = trace;
    }

    Changes apply(Decision<S> decision) {
      note(decision.trace());
      goal = goal.withState(decision.state());
      decision.emit().forEach(this::emit);
      decision.effects().forEach(this::issue);
      decision.timers().forEach(this::changeTimer);
      if (decision.ended() && goal.endedAt() == null) {
        goal = goal.ended(now.toEpochMilli());
        putTimer(TimerKey.retention(now.plus(retention.endedGoals()).toEpochMilli(), goalId));
      }
      return this;
    }

    /**
     * The decision's attributes go on the span it is made in; what it carries goes into the context
     * every record it writes is sent under.
     */
    private void note(SpanNotes decided) {
      if (decided.isEmpty()) {
        return;
      }
      notes = decided;
      Span.fromContext(trace)
          .setAllAttributes(decided.carried())
          .setAllAttributes(decided.attributes());
      trace = GoalTracing.carrying(trace, decided.carried());
    }

    void emit(SwitchboardEvent event) {
      out.add(outgoing.of(event, trace, notes.sendAttributes(event.eventId())).toStreamRecord());
    }

    private void issue(Effect effect) {
      if (goal.effects().containsKey(effect.effectId())) {
        throw new IllegalStateException(
            "effect '"
                + effect.effectId()
                + "' of goal "
                + goalId
                + " is still pending; effect ids are unique per goal");
      }
      handlers.require(effect.kind());
      writeIntent(effect.effectId(), bookkeeping.issue(effect, now));
    }

    void writeIntent(String effectId, PendingEffect pending) {
      forgetEffect(effectId);
      goal = goal.withEffect(effectId, pending);
      out.add(
          new Record<>(
              goalId,
              new Outgoing(
                  effectTopics.intents(), effectRecords.encode(pending.intent(goalId, effectId))),
              now.toEpochMilli(),
              GoalTracing.carry(trace, new RecordHeaders())));
      putTimer(TimerKey.effectDeadline(pending.deadline().toEpochMilli(), goalId, effectId));
    }

    /** No longer pending: its deadline goes too. */
    void forgetEffect(String effectId) {
      PendingEffect previous = goal.effects().get(effectId);
      if (previous != null) {
        deleteTimer(TimerKey.effectDeadline(previous.deadline().toEpochMilli(), goalId, effectId));
        goal = goal.withEffect(effectId, null);
      }
    }

    private void changeTimer(TimerChange change) {
      Long previous = goal.timers().get(change.timerId());
      if (previous != null) {
        deleteTimer(TimerKey.processorTimer(previous, goalId, change.timerId()));
      }
      switch (change) {
        case TimerChange.Schedule schedule -> {
          long due = schedule.at().toEpochMilli();
          goal = goal.withTimer(schedule.timerId(), due);
          putTimer(TimerKey.processorTimer(due, goalId, schedule.timerId()));
        }
        case TimerChange.Cancel cancel -> goal = goal.withTimer(cancel.timerId(), null);
      }
    }

    private void putTimer(TimerKey key) {
      timerDeletes.remove(key.storeKey());
      timerPuts.put(
          key.storeKey(),
          effectRecords.encode(
              new TimerDue(
                  goalId, key.name(), key.dueMillis(), EventContext.of(trace).traceparent())));
    }

    private void deleteTimer(TimerKey key) {
      timerPuts.remove(key.storeKey());
      timerDeletes.add(key.storeKey());
    }

    void save() {
      for (Record<String, Outgoing> record : out) {
        long size = RecordGate.sizeOf(record.key(), record.value().value(), record.headers());
        if (size > gate.maxRecordBytes()) {
          // Checked before anything is written: the broker would refuse it and abort the
          // transaction, again on every retry of the same input.
          throw new IllegalStateException(
              "the decision writes a record of "
                  + size
                  + " bytes to "
                  + record.value().topic()
                  + ", over the limit of "
                  + gate.maxRecordBytes());
        }
      }
      timerDeletes.forEach(timerStore::delete);
      timerPuts.forEach(timerStore::put);
      store.put(goalId, states.encode(goal));
      out.forEach(context::forward);
      notes.spans().forEach(span -> tracing.record(span, trace, now, goalId));
    }
  }

  private void fireDueTimers(long nowMillis) {
    List<KeyValue<String, byte[]>> due = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> entries =
        timerStore.range(TimerKey.lowest(), TimerKey.highestDueBy(nowMillis))) {
      while (entries.hasNext() && due.size() < MAX_TIMERS_PER_PUNCTUATION) {
        due.add(entries.next());
      }
    }
    for (KeyValue<String, byte[]> entry : due) {
      timerStore.delete(entry.key);
      try {
        TimerDue timer = (TimerDue) effectRecords.decode(entry.value);
        Context setIn = GoalTracing.extract(new EventContext(timer.traceparent()));
        context.forward(
            new Record<>(
                timer.goalId(),
                new Outgoing(effectTopics.results(), entry.value),
                nowMillis,
                GoalTracing.carry(setIn, new RecordHeaders())));
      } catch (RuntimeException e) {
        log.error("{} drops an unreadable timer {}: {}", consumerName, entry.key, e.toString());
      }
    }
  }

  private void deadLetter(
      Record<String, byte[]> record, RecordOrigin source, RecordGate.Rejection rejection) {
    if (rejection.whole()) {
      deadLetter(record, source, rejection.reason());
      return;
    }
    log.warn(
        "{} sent a reference to {}-{}@{} ({} bytes) to the dead-letter topic: {}",
        consumerName,
        source.topic(),
        source.partition(),
        source.offset(),
        rejection.size(),
        rejection.reason());
    context.forward(
        new Record<>(
            DeadLetters.keptKey(record.key()),
            new Outgoing(source.topic() + TopicNames.DLQ_SUFFIX, null),
            record.timestamp(),
            DeadLetters.referenceHeaders(
                rejection.reason(),
                consumerName,
                source.topic(),
                source.partition(),
                source.offset(),
                rejection.size())));
  }

  private void deadLetter(Record<String, byte[]> record, RecordOrigin source, String reason) {
    log.warn(
        "{} sent {}-{}@{} to the dead-letter topic: {}",
        consumerName,
        source.topic(),
        source.partition(),
        source.offset(),
        reason);
    String deadLetterTopic = source.topic() + TopicNames.DLQ_SUFFIX;
    context.forward(
        new Record<>(
            record.key(),
            new Outgoing(deadLetterTopic, record.value()),
            record.timestamp(),
            DeadLetters.headers(
                record.headers(),
                reason,
                consumerName,
                source.topic(),
                source.partition(),
                source.offset())));
  }
}
