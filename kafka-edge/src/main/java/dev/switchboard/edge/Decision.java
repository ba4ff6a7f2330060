package dev.switchboard.edge;

import dev.switchboard.contracts.event.SwitchboardEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link GoalProcessor} decided for one event, effect result or timer: all of it is written
 * in one exactly-once transaction.
 *
 * @param state the goal's new state (null keeps none)
 * @param emit events to write
 * @param effects work to run outside Kafka once the transaction has committed
 * @param timers durable timers to set or cancel for this goal
 * @param ended this service is done with the goal: the edge forgets it after the retention
 * @param trace what the decision adds to the goal's trace (attributes, spans)
 */
public record Decision<S>(
    S state,
    List<SwitchboardEvent> emit,
    List<Effect> effects,
    List<TimerChange> timers,
    boolean ended,
    SpanNotes trace) {
  public Decision {
    emit = List.copyOf(emit);
    effects = effects == null ? List.of() : List.copyOf(effects);
    timers = timers == null ? List.of() : List.copyOf(timers);
    trace = trace == null ? SpanNotes.none() : trace;
  }

  public Decision(
      S state,
      List<SwitchboardEvent> emit,
      List<Effect> effects,
      List<TimerChange> timers,
      boolean ended) {
    this(state, emit, effects, timers, ended, SpanNotes.none());
  }

  public Decision(
      S state, List<SwitchboardEvent> emit, List<Effect> effects, List<TimerChange> timers) {
    this(state, emit, effects, timers, false);
  }

  public Decision(S state, List<SwitchboardEvent> emit) {
    this(state, emit, List.of(), List.of());
  }

  /**
   * Whether the decision leads to nothing its read's {@code process} span would show: no event, no
   * effect, no timer, no span or attribute noted (only state, an end, or attributes carried on with
   * what it does not write). See {@link GoalTracing#endProcess}.
   */
  boolean isQuiet() {
    return emit.isEmpty()
        && effects.isEmpty()
        && timers.isEmpty()
        && trace.attributes().isEmpty()
        && trace.spans().isEmpty();
  }

  public static <S> Decision<S> of(S state, SwitchboardEvent... emit) {
    return new Decision<>(state, List.of(emit));
  }

  public static <S> Decision<S> of(S state, List<? extends SwitchboardEvent> emit) {
    return new Decision<>(state, List.copyOf(emit));
  }

  /** Also run this effect. */
  public Decision<S> withEffect(Effect effect) {
    List<Effect> more = new ArrayList<>(effects);
    more.add(effect);
    return new Decision<>(state, emit, more, timers, ended, trace);
  }

  /** Also call {@link GoalProcessor#onTimer} for this goal at {@code at}. */
  public Decision<S> withTimer(String timerId, Instant at) {
    return withTimerChange(new TimerChange.Schedule(timerId, at));
  }

  /** Also forget this goal's timer. */
  public Decision<S> cancelTimer(String timerId) {
    return withTimerChange(new TimerChange.Cancel(timerId));
  }

  private Decision<S> withTimerChange(TimerChange change) {
    List<TimerChange> more = new ArrayList<>(timers);
    more.add(change);
    return new Decision<>(state, emit, effects, more, ended, trace);
  }

  /**
   * Also say this service is done with the goal. After {@code switchboard.retention.ended-goals}
   * the edge drops its state and keeps only a tombstone, which skips every later event of the goal
   * (a re-sent {@code GoalSubmitted} does not start it again), until {@code
   * switchboard.retention.tombstones} has passed too. Saying it again changes nothing.
   */
  public Decision<S> goalEnded() {
    return new Decision<>(state, emit, effects, timers, true, trace);
  }

  /** Also set these attributes on the {@code process} span the decision is made in. */
  public Decision<S> withSpanAttributes(Attributes attributes) {
    return withTrace(trace.withAttributes(attributes));
  }

  public <T> Decision<S> withSpanAttribute(AttributeKey<T> key, T value) {
    return value == null ? this : withSpanAttributes(Attributes.of(key, value));
  }

  /**
   * Also set this attribute on the decision's span and every span of the work it starts, in every
   * service (carried in the records' {@code baggage}); only {@link TraceConventions#CARRIED} keys,
   * e.g. {@code gen_ai.agent.name}.
   */
  public Decision<S> carrying(AttributeKey<String> key, String value) {
    return value == null ? this : withTrace(trace.carrying(key, value));
  }

  /** Also set these attributes on the {@code send} span of one event this decision emits. */
  public Decision<S> withSendAttributes(SwitchboardEvent event, Attributes attributes) {
    return withTrace(trace.withSendAttributes(event.eventId(), attributes));
  }

  /** Also record this span, e.g. {@code plan {agent}}. */
  public Decision<S> withSpan(RecordedSpan span) {
    return withTrace(trace.withSpan(span));
  }

  private Decision<S> withTrace(SpanNotes notes) {
    return new Decision<>(state, emit, effects, timers, ended, notes);
  }
}
