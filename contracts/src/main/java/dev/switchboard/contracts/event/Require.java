package dev.switchboard.contracts.event;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Field checks for the compact constructors, so a missing field fails with its name. */
final class Require {
  private static final java.util.regex.Pattern GOAL_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._:-]+");

  private Require() {}

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** Text that may be absent: blank counts as absent, surrounding space is dropped. */
  static String optionalText(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static String goalId(String goalId) {
    text(goalId, "goalId");
    if (goalId.length() > 200) {
      throw new IllegalArgumentException("goalId is longer than 200 characters");
    }
    // Goal ids travel in URLs (journal, inbox) and headers: keep them to a safe alphabet.
    if (!GOAL_ID.matcher(goalId).matches()) {
      throw new IllegalArgumentException(
          "goalId may only hold letters, digits, '.', '_', ':' and '-': " + goalId);
    }
    return goalId;
  }

  /** The fields every event produced inside Switchboard must have. */
  static void envelope(String goalId, java.util.UUID eventId, java.time.Instant occurredAt) {
    goalId(goalId);
    present(eventId, "eventId");
    present(occurredAt, "occurredAt");
  }

  /** Free-form JSON that must be there: JSON {@code null} counts as missing. */
  static JsonNode json(JsonNode value, String field) {
    if (optionalJson(value) == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /**
   * Free-form JSON that may be absent: JSON {@code null} becomes Java null, so an event decoded
   * from its own wire form equals the original.
   */
  static JsonNode optionalJson(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  static Map<String, String> map(Map<String, String> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }
}
