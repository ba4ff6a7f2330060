package dev.switchboard.trace;

/** No instance has seen the goal: a 404. */
final class UnknownGoalException extends RuntimeException {
  UnknownGoalException(String goalId) {
    super("no goal " + goalId);
  }
}
