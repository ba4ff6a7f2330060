package dev.switchboard.planner;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

  /**
   * What a person must give when the action happened and its step produces facts later steps use:
   * its result as a JSON object with those fields — a bare "happened" leaves the facts unknown.
   *
   * @param resultPaths the field paths of the result that the step's facts come from
   * @return empty when the step produces nothing
   */
  static String resultNeeded(Collection<String> resultPaths) {
    if (resultPaths.isEmpty()) {
      return "";
    }
    ObjectNode example = JsonNodeFactory.instance.objectNode();
    for (String path : resultPaths) {
      ObjectNode node = example;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        node =
            node.has(parts[i]) && node.get(parts[i]).isObject()
                ? (ObjectNode) node.get(parts[i])
                : node.putObject(parts[i]);
      }
      node.put(parts[parts.length - 1], "…");
    }
    return "If it happened, answer with what it returned, as a JSON object like "
        + example
        + ": the next steps use it.";
  }

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
