package dev.switchboard.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a goal stands, as its journal shows it. */
public enum GoalStatus {
  RUNNING,
  WAITING_FOR_HUMAN,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** A goal in a terminal status has ended; its status never changes again. */
  public boolean isTerminal() {
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

  static String allowedValues() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
