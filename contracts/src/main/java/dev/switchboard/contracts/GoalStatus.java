package dev.switchboard.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a goal stands: the planner's view of its own goals, and what the trace-service's journal
 * API reports.
 */
public enum GoalStatus {
  RUNNING,
  WAITING_FOR_HUMAN,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** An ended goal takes no further events; its status never changes again. */
  public boolean ended() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * The status named by {@code text}, ignoring case.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static GoalStatus parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown status '" + text + "'; allowed values: " + allowedValues(), e);
    }
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
