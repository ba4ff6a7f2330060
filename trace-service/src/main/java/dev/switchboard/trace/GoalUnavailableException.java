package dev.switchboard.trace;

/** The goal's journal exists somewhere but cannot be read right now (moving, owner down): a 503. */
final class GoalUnavailableException extends RuntimeException {
  GoalUnavailableException(String message) {
    super(message);
  }

  GoalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
