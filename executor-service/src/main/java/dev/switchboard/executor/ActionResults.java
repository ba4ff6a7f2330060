package dev.switchboard.executor;

import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.edge.EffectResult;
import java.time.Clock;
import java.util.UUID;

/**
 * The one place the executor's results are built. A side-effecting call whose outcome is unknown
 * (timeout, crash, no result by the deadline) may have changed the world, so it is reported as
 * {@link ActionOutcomeUnknown} for a person to check, never as a failure someone might retry; for a
 * read-only call the same is a plain failure.
 */
final class ActionResults {
  private final Clock clock;

  ActionResults(Clock clock) {
    this.clock = clock;
  }

  /** The result of a tool effect, with the effect result's stable id as its event id. */
  ActionResultEvent of(String goalId, ToolRequest request, EffectResult result) {
    UUID eventId = result.eventId();
    return switch (result) {
      case EffectResult.Succeeded succeeded ->
          new ActionSucceeded(
              goalId,
              eventId,
              request.requestEventId(),
              clock.instant(),
              request.actionId(),
              request.tool(),
              succeeded.output());
      case EffectResult.Failed failed -> failed(goalId, eventId, request, failed.error());
      case EffectResult.OutcomeUnknown unknown ->
          request.sideEffect()
              ? new ActionOutcomeUnknown(
                  goalId,
                  eventId,
                  request.requestEventId(),
                  clock.instant(),
                  request.actionId(),
                  request.tool(),
                  unknown.reason() + "; it may or may not have taken effect")
              : failed(goalId, eventId, request, unknown.reason());
    };
  }

  /** A request answered without running anything (unknown tool, expired). */
  ActionFailed failed(String goalId, ToolRequest request, String error) {
    return failed(goalId, UUID.randomUUID(), request, error);
  }

  private ActionFailed failed(String goalId, UUID eventId, ToolRequest request, String error) {
    return new ActionFailed(
        goalId,
        eventId,
        request.requestEventId(),
        clock.instant(),
        request.actionId(),
        request.tool(),
        error);
  }
}
