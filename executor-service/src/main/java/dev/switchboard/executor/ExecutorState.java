package dev.switchboard.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the executor remembers per goal: the actionIds it has taken (run, running, or answered
 * without running), so each is taken at most once even when the guardrail's request arrives again
 * with a new eventId. Written with the effect's intent, in one transaction.
 *
 * @param endedAs how the goal ended (its outcome's type, like {@code GoalCancelled}); null while it
 *     runs. A request read after it runs nothing
 */
public record ExecutorState(List<String> doneActionIds, String endedAs) {
  public ExecutorState {
    doneActionIds = doneActionIds == null ? List.of() : List.copyOf(doneActionIds);
  }

  public ExecutorState(List<String> doneActionIds) {
    this(doneActionIds, null);
  }

  static ExecutorState empty() {
    return new ExecutorState(List.of());
  }

  boolean ended() {
    return endedAs != null;
  }

  ExecutorState endedAs(String outcomeType) {
    return new ExecutorState(doneActionIds, outcomeType);
  }

  boolean hasRun(String actionId) {
    return doneActionIds.contains(actionId);
  }

  ExecutorState withRun(String actionId) {
    List<String> done = new ArrayList<>(doneActionIds);
    done.add(actionId);
    return new ExecutorState(done, endedAs);
  }
}
