package dev.switchboard.planner;

/** Where a goal stands, as the planner sees it. */
public enum GoalStatus {
  RUNNING,
  WAITING_FOR_HUMAN,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** An ended goal takes no further events. */
  public boolean ended() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
