package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import java.util.Optional;

/** The status each event moves its goal to; empty when the event leaves the status as it is. */
final class StatusTransitions {
  private StatusTransitions() {}

  static Optional<GoalStatus> after(SwitchboardEvent event) {
    return Optional.ofNullable(
        switch (event) {
          case GoalEvent.GoalSubmitted submitted -> GoalStatus.RUNNING;
          // Asking to cancel is not the end; the planner's outcome says when it stopped.
          case GoalEvent.GoalCancelled cancelRequest -> null;
          case PlanEvent plan -> null;
          case VerdictEvent.ActionEscalated escalated -> GoalStatus.WAITING_FOR_HUMAN;
          case VerdictEvent.ActionAllowed allowed -> null;
          case VerdictEvent.ActionDenied denied -> null;
          case ActionRequestEvent request -> GoalStatus.RUNNING;
          case ActionResultEvent result -> null;
          case EscalationEvent escalation -> GoalStatus.WAITING_FOR_HUMAN;
          // A reminder answers nothing: the goal still waits for a person.
          case ResolutionEvent.DeadlineNear reminder -> null;
          case ResolutionEvent resolution -> GoalStatus.RUNNING;
          case OutcomeEvent.GoalCompleted completed -> GoalStatus.COMPLETED;
          case OutcomeEvent.GoalFailed failed -> GoalStatus.FAILED;
          case OutcomeEvent.GoalCancelled cancelled -> GoalStatus.CANCELLED;
        });
  }
}
