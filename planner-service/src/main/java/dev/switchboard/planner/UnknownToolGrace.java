package dev.switchboard.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long a goal waits for tools the {@code tools} catalog does not list yet, and how often it
 * looks again, before it fails with the agent and the tool named.
 */
final class UnknownToolGrace {
  /** The goal's agent proposes nothing and fails when none of the tools turned up. */
  static final UnknownToolGrace NONE = new UnknownToolGrace(Duration.ZERO, Duration.ZERO);

  private final Duration grace;
  private final Duration recheck;

  /**
   * @param grace how long a goal waits for an unlisted tool; zero fails it at once
   * @param recheck how often the catalog is looked at again meanwhile
   */
  UnknownToolGrace(Duration grace, Duration recheck) {
    if (grace.isNegative() || recheck.isNegative()) {
      throw new IllegalArgumentException(
          "the grace and the re-check interval must not be negative");
    }
    if (!grace.isZero() && recheck.isZero()) {
      throw new IllegalArgumentException("a grace needs a positive re-check interval");
    }
    this.grace = grace;
    this.recheck = recheck;
  }

  /** What the check of the unlisted tools says: wait (again), or fail the goal. */
  sealed interface Verdict {}

  record KeepWaiting(ToolWait toolWait) implements Verdict {}

  record GiveUp(String reason) implements Verdict {}

  /**
   * @param previous the wait the goal was in before this check; null when it was not waiting
   * @param missing the tools the agent would call now that the catalog does not list, non-empty
   */
  Verdict check(ToolWait previous, String agent, List<String> missing, Instant now) {
    Instant since = previous == null ? now : previous.since();
    Instant until = previous == null ? now.plus(grace) : previous.until();
    List<String> tools = missing.stream().distinct().sorted().toList();
    if (!now.isBefore(until)) {
      return new GiveUp(
          "agent '"
              + agent
              + "' would call "
              + String.join(", ", tools)
              + ", which the executor's tools catalog does not list"
              + (grace.isZero() ? "" : " (waited " + Duration.between(since, until) + ")"));
    }
    Instant next = now.plus(recheck);
    return new KeepWaiting(new ToolWait(tools, since, until, next.isBefore(until) ? next : until));
  }
}
