package dev.switchboard.planner;

import java.util.Locale;
import java.util.Set;

/** A person's answer to "did this action happen?", as the planner reads it. */
enum OutcomeAnswer {
  HAPPENED,
  DID_NOT_HAPPEN,
  RETRY,
  UNCLEAR;

  static final String CHOICES = "'happened', 'did not happen' or 'retry'";

  private static final Set<String> HAPPENED_WORDS =
      Set.of("happened", "it happened", "yes", "done", "it did", "succeeded");
  private static final Set<String> NOT_WORDS =
      Set.of(
          "did not happen",
          "didn't happen",
          "not happened",
          "it did not happen",
          "no",
          "it did not",
          "failed");
  private static final Set<String> RETRY_WORDS = Set.of("retry", "try again", "again");

  static OutcomeAnswer of(String answer) {
    String said =
        answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT).replaceAll("[.!\\s]+$", "");
    if (HAPPENED_WORDS.contains(said)) {
      return HAPPENED;
    }
    if (NOT_WORDS.contains(said)) {
      return DID_NOT_HAPPEN;
    }
    if (RETRY_WORDS.contains(said)) {
      return RETRY;
    }
    return UNCLEAR;
  }
}
