package dev.switchboard.edge;

import dev.switchboard.edge.EffectRecord.Finished;
import dev.switchboard.edge.EffectRecord.Skipped;
import dev.switchboard.edge.EffectRecord.Started;
import dev.switchboard.edge.EffectRecord.TimerDue;
import java.time.Instant;

/**
 * The rules of an effect's life, without Kafka. A record counts only for the pending attempt it
 * names, so duplicates and stragglers change nothing. At the deadline: an attempt that was never
 * started, or is retry-safe, is issued again (up to {@code maxAttempts}); a started attempt that is
 * not retry-safe ends as outcome unknown and is never run again by the edge.
 */
final class EffectBookkeeping {
  private final EffectTimings timings;

  EffectBookkeeping(EffectTimings timings) {
    this.timings = timings;
  }

  PendingEffect issue(Effect effect, Instant now) {
    return timings.firstAttempt(effect, now);
  }

  EffectStep onStarted(PendingEffect pending, Started started) {
    if (!isCurrent(pending, started.attempt())) {
      return ignore("start", started.effectId(), started.attempt());
    }
    return new EffectStep.Update(pending.withStarted());
  }

  EffectStep onSkipped(PendingEffect pending, Skipped skipped, Instant now) {
    if (!isCurrent(pending, skipped.attempt())) {
      return ignore("skip", skipped.effectId(), skipped.attempt());
    }
    return againOrGiveUp(skipped.goalId(), skipped.effectId(), pending, now);
  }

  EffectStep onFinished(PendingEffect pending, Finished finished) {
    EffectResult result = finished.result();
    if (!isCurrent(pending, result.attempt())) {
      return ignore("result", result.effectId(), result.attempt());
    }
    return new EffectStep.Resolve(result, !finished.published());
  }

  EffectStep onDeadline(PendingEffect pending, String effectId, TimerDue due, Instant now) {
    if (pending == null || pending.deadline().toEpochMilli() != due.dueMillis()) {
      return new EffectStep.Ignore("deadline of effect " + effectId + " is no longer set");
    }
    if (pending.started() && !pending.retrySafe()) {
      return new EffectStep.Resolve(
          new EffectResult.OutcomeUnknown(
              due.goalId(),
              effectId,
              pending.kind(),
              pending.attempt(),
              "no result by its deadline: the service may have stopped during the call"),
          true);
    }
    return againOrGiveUp(due.goalId(), effectId, pending, now);
  }

  private EffectStep againOrGiveUp(
      String goalId, String effectId, PendingEffect pending, Instant now) {
    if (pending.attempt() < timings.maxAttempts()) {
      return new EffectStep.Reissue(timings.nextAttempt(pending, now));
    }
    EffectResult result =
        pending.retrySafe()
            ? new EffectResult.OutcomeUnknown(
                goalId,
                effectId,
                pending.kind(),
                pending.attempt(),
                "no result after " + pending.attempt() + " attempts")
            : new EffectResult.Failed(
                goalId,
                effectId,
                pending.kind(),
                pending.attempt(),
                "not started in " + pending.attempt() + " attempts; nothing ran");
    return new EffectStep.Resolve(result, true);
  }

  private static boolean isCurrent(PendingEffect pending, int attempt) {
    return pending != null && pending.attempt() == attempt;
  }

  private static EffectStep ignore(String what, String effectId, int attempt) {
    return new EffectStep.Ignore(
        what + " of attempt " + attempt + " of effect " + effectId + " is not the pending one");
  }
}
