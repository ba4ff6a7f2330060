package dev.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Escalation ids name their goal: {@code <goalId>~<kind>-<uuid>}. The inbox finds an item from its
 * id alone without scanning every goal, and the id is safe in a URL path as it is ({@code ~} is an
 * unreserved URL character that goal ids never contain).
 */
public final class EscalationIds {
  public static final char GOAL_SEPARATOR = '~';

  private static final Pattern GOAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private static final Pattern KIND = Pattern.compile("[a-z]+");
  private static final Pattern SUFFIX = Pattern.compile("[a-z]+-[0-9a-f-]{36}");

  private EscalationIds() {}

  /**
   * The id of a goal's escalation of one kind; the same seed gives the same id, so a replayed
   * proposal escalates under the id it had.
   *
   * @param kind e.g. {@code approval}, {@code handoff}, {@code question}
   * @param seed what makes the escalation unique within the goal, e.g. the actionId
   */
  public static String of(String goalId, String kind, String seed) {
    if (goalId == null || !GOAL_ID.matcher(goalId).matches()) {
      throw new IllegalArgumentException("not a goalId: " + goalId);
    }
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("an escalation kind is lower-case letters: " + kind);
    }
    UUID unique = UUID.nameUUIDFromBytes((kind + ":" + seed).getBytes(StandardCharsets.UTF_8));
    return goalId + GOAL_SEPARATOR + kind + "-" + unique;
  }

  /** The goal an escalation id names, or empty when the id was not made by {@link #of}. */
  public static Optional<String> goalIdOf(String escalationId) {
    if (escalationId == null) {
      return Optional.empty();
    }
    int separator = escalationId.lastIndexOf(GOAL_SEPARATOR);
    if (separator <= 0) {
      return Optional.empty();
    }
    String goalId = escalationId.substring(0, separator);
    String suffix = escalationId.substring(separator + 1);
    return GOAL_ID.matcher(goalId).matches() && SUFFIX.matcher(suffix).matches()
        ? Optional.of(goalId)
        : Optional.empty();
  }
}
