package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.EffectRecord.Finished;
import dev.switchboard.edge.EffectRecord.Skipped;
import dev.switchboard.edge.EffectRecord.Started;
import dev.switchboard.edge.EffectRecord.TimerDue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class EffectBookkeepingTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final String GOAL = "g-1";
  private static final String EFFECT = "g-1/step-2";

  private final EffectTimings timings =
      new EffectTimings(
          Duration.ofSeconds(30),
          Duration.ofSeconds(20),
          3,
          Duration.ofSeconds(5),
          3,
          Duration.ofMillis(500),
          2.0);
  private final EffectBookkeeping bookkeeping = new EffectBookkeeping(timings);

  @Test
  void shouldScheduleAnAttemptFromItsStartTimeoutRunBudgetAndGrace() {
    PendingEffect unsafe = bookkeeping.issue(effect(false), NOW);
    PendingEffect safe = bookkeeping.issue(effect(true), NOW);

    assertThat(unsafe.attempt()).isEqualTo(1);
    assertThat(unsafe.startBy()).isEqualTo(NOW.plusSeconds(30));
    // bulkhead wait 5 s + one call of 10 s
    assertThat(unsafe.resultBy()).isEqualTo(NOW.plusSeconds(45));
    assertThat(unsafe.deadline()).isEqualTo(NOW.plusSeconds(65));
    // three tries of (bulkhead wait 5 s + call 10 s) + backoff 0.5 s and 1 s
    assertThat(safe.resultBy()).isEqualTo(NOW.plusSeconds(30 + 45).plusMillis(1500));
  }

  @Test
  void shouldReissueANeverStartedEffectAtItsDeadlineWhateverItsKind() {
    PendingEffect unsafe = bookkeeping.issue(effect(false), NOW);
    Instant later = unsafe.deadline();

    EffectStep step = bookkeeping.onDeadline(unsafe, EFFECT, deadlineOf(unsafe), later);

    assertThat(step).isInstanceOf(EffectStep.Reissue.class);
    PendingEffect next = ((EffectStep.Reissue) step).next();
    assertThat(next.attempt()).isEqualTo(2);
    assertThat(next.started()).isFalse();
    assertThat(next.startBy()).isEqualTo(later.plusSeconds(30));
    assertThat(next.startBy()).isAfter(unsafe.deadline());
  }

  @Test
  void shouldReportAStartedUnsafeEffectWithoutResultAsOutcomeUnknown() {
    PendingEffect started = started(bookkeeping.issue(effect(false), NOW));

    EffectStep step = bookkeeping.onDeadline(started, EFFECT, deadlineOf(started), NOW);

    assertThat(step)
        .isEqualTo(
            new EffectStep.Resolve(
                new EffectResult.OutcomeUnknown(
                    GOAL,
                    EFFECT,
                    "tool",
                    1,
                    "no result by its deadline: the service may have stopped during the call"),
                true));
  }

  @Test
  void shouldReissueAStartedRetrySafeEffectWithoutResult() {
    PendingEffect started = bookkeeping.issue(effect(true), NOW).withStarted();

    assertThat(bookkeeping.onDeadline(started, EFFECT, deadlineOf(started), NOW))
        .isInstanceOf(EffectStep.Reissue.class);
  }

  @Test
  void shouldReissueASkippedAttemptAtOnce() {
    PendingEffect pending = bookkeeping.issue(effect(false), NOW);

    EffectStep step =
        bookkeeping.onSkipped(pending, new Skipped(GOAL, EFFECT, 1, "start deadline passed"), NOW);

    assertThat(step).isInstanceOf(EffectStep.Reissue.class);
    assertThat(((EffectStep.Reissue) step).next().attempt()).isEqualTo(2);
  }

  @Test
  void shouldGiveUpAfterTheLastAttempt() {
    PendingEffect unsafe = lastAttempt(effect(false));
    PendingEffect safe = lastAttempt(effect(true));

    EffectStep neverStarted = bookkeeping.onDeadline(unsafe, EFFECT, deadlineOf(unsafe), NOW);
    EffectStep noResult = bookkeeping.onDeadline(safe, EFFECT, deadlineOf(safe), NOW);

    assertThat(neverStarted)
        .isEqualTo(
            new EffectStep.Resolve(
                new EffectResult.Failed(
                    GOAL, EFFECT, "tool", 3, "not started in 3 attempts; nothing ran"),
                true));
    assertThat(noResult)
        .isEqualTo(
            new EffectStep.Resolve(
                new EffectResult.OutcomeUnknown(
                    GOAL, EFFECT, "tool", 3, "no result after 3 attempts"),
                true));
  }

  @Test
  void shouldDeliverTheResultOfThePendingAttemptOnceAndIgnoreTheRest() {
    PendingEffect pending = started(bookkeeping.issue(effect(false), NOW));
    EffectResult result =
        new EffectResult.Succeeded(GOAL, EFFECT, "tool", 1, JsonNodeFactory.instance.objectNode());

    EffectStep first = bookkeeping.onFinished(pending, new Finished(result, true));
    // Once resolved the effect is no longer pending: the edge passes null.
    EffectStep again = bookkeeping.onFinished(null, new Finished(result, true));

    assertThat(first).isEqualTo(new EffectStep.Resolve(result, false));
    assertThat(again).isInstanceOf(EffectStep.Ignore.class);
  }

  @Test
  void shouldAskTheEdgeToPublishAResultTheWorkerDidNot() {
    PendingEffect pending = bookkeeping.issue(effect(true), NOW);
    EffectResult result = new EffectResult.Failed(GOAL, EFFECT, "tool", 1, "no");

    assertThat(bookkeeping.onFinished(pending, new Finished(result, false)))
        .isEqualTo(new EffectStep.Resolve(result, true));
  }

  @Test
  void shouldIgnoreRecordsOfAnAttemptThatIsNoLongerPending() {
    PendingEffect second =
        ((EffectStep.Reissue)
                bookkeeping.onSkipped(
                    bookkeeping.issue(effect(false), NOW),
                    new Skipped(GOAL, EFFECT, 1, "late"),
                    NOW))
            .next();
    EffectResult lateResult = new EffectResult.Succeeded(GOAL, EFFECT, "tool", 1, null);

    assertThat(bookkeeping.onFinished(second, new Finished(lateResult, false)))
        .isInstanceOf(EffectStep.Ignore.class);
    assertThat(bookkeeping.onStarted(second, new Started(GOAL, EFFECT, 1)))
        .isInstanceOf(EffectStep.Ignore.class);
    assertThat(bookkeeping.onSkipped(second, new Skipped(GOAL, EFFECT, 1, "late"), NOW))
        .isInstanceOf(EffectStep.Ignore.class);
  }

  @Test
  void shouldIgnoreADeadlineThatWasMoved() {
    PendingEffect pending = bookkeeping.issue(effect(false), NOW);
    TimerDue old = new TimerDue(GOAL, "e:" + EFFECT, pending.deadline().toEpochMilli() - 1);

    assertThat(bookkeeping.onDeadline(pending, EFFECT, old, NOW))
        .isInstanceOf(EffectStep.Ignore.class);
    assertThat(bookkeeping.onDeadline(null, EFFECT, deadlineOf(pending), NOW))
        .isInstanceOf(EffectStep.Ignore.class);
  }

  @Test
  void shouldRememberThatTheCurrentAttemptStarted() {
    PendingEffect pending = bookkeeping.issue(effect(false), NOW);

    EffectStep step = bookkeeping.onStarted(pending, new Started(GOAL, EFFECT, 1));

    assertThat(step).isEqualTo(new EffectStep.Update(pending.withStarted()));
  }

  @Test
  void shouldDeriveTheResultsEventIdFromGoalEffectAndAttempt() {
    EffectResult first = new EffectResult.Failed(GOAL, EFFECT, "tool", 1, "a");
    EffectResult sameAttempt = new EffectResult.Succeeded(GOAL, EFFECT, "tool", 1, null);
    EffectResult nextAttempt = new EffectResult.Failed(GOAL, EFFECT, "tool", 2, "a");

    assertThat(first.eventId()).isEqualTo(sameAttempt.eventId());
    assertThat(first.eventId()).isNotEqualTo(nextAttempt.eventId());
  }

  private PendingEffect lastAttempt(Effect effect) {
    PendingEffect pending = bookkeeping.issue(effect, NOW);
    while (pending.attempt() < timings.maxAttempts()) {
      pending = timings.nextAttempt(pending, NOW);
    }
    return pending;
  }

  private PendingEffect started(PendingEffect pending) {
    return ((EffectStep.Update)
            bookkeeping.onStarted(pending, new Started(GOAL, EFFECT, pending.attempt())))
        .pending();
  }

  private static TimerDue deadlineOf(PendingEffect pending) {
    return new TimerDue(GOAL, "e:" + EFFECT, pending.deadline().toEpochMilli());
  }

  private static Effect effect(boolean retrySafe) {
    return new Effect(
        EFFECT, "tool", JsonNodeFactory.instance.objectNode(), retrySafe, Duration.ofSeconds(10));
  }
}
