package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which goals {@code GET /api/goals} lists: optionally those in one status, of one agent, updated
 * since a moment; newest update first, at most {@code limit}.
 *
 * @param status null for any status
 * @param agent null for any agent
 * @param since null for any time; else goals updated at or after it
 */
record RecentGoalsQuery(GoalStatus status, String agent, Instant since, int limit) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  static final Comparator<GoalListItem> NEWEST_FIRST =
      Comparator.comparing(
              GoalListItem::updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(GoalListItem::goalId);

  static RecentGoalsQuery any() {
    return new RecentGoalsQuery(null, null, null, DEFAULT_LIMIT);
  }

  /**
   * From the request parameters: a status name in any case; an agent name; {@code since} as an
   * ISO-8601 instant ({@code 2026-03-01T10:00:00Z}) or a time back from {@code now} ({@code PT15M},
   * {@code 15m}, {@code 2h}, {@code 7d}); a limit of 1 or more, larger ones count as {@link
   * #MAX_LIMIT}.
   *
   * @throws InvalidQueryException saying what is wrong and what is allowed
   */
  static RecentGoalsQuery parse(
      String status, String agent, String since, Integer limit, Instant now) {
    GoalStatus wanted = blank(status) ? null : statusNamed(status);
    int count = limit == null ? DEFAULT_LIMIT : limit;
    if (count < 1) {
      throw new InvalidQueryException(
          "limit must be between 1 and " + MAX_LIMIT + ", not " + count);
    }
    return new RecentGoalsQuery(
        wanted,
        blank(agent) ? null : agent.strip(),
        blank(since) ? null : instantOf(since.strip(), now),
        Math.min(count, MAX_LIMIT));
  }

  boolean matches(GoalListItem goal) {
    return (status == null || goal.status() == status)
        && (agent == null || agent.equals(goal.agent()))
        && (since == null || (goal.updatedAt() != null && !goal.updatedAt().isBefore(since)));
  }

  /** The query's parameters again, for asking another instance the same. */
  String queryString() {
    List<String> parts = new ArrayList<>();
    if (status != null) {
      parts.add("status=" + status);
    }
    if (agent != null) {
      parts.add(
          "agent=" + java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (since != null) {
      parts.add("since=" + since);
    }
    parts.add("limit=" + limit);
    return String.join("&", parts);
  }

  /** Keeps the {@code limit} newest matching goals of those offered, whatever their number. */
  Top top() {
    return new Top();
  }

  final class Top {
    // The oldest kept goal on top, so a newer one replaces it.
    private final PriorityQueue<GoalListItem> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());

    void offer(GoalListItem goal) {
      if (goal == null || !matches(goal)) {
        return;
      }
      kept.add(goal);
      if (kept.size() > limit) {
        kept.poll();
      }
    }

    List<GoalListItem> newestFirst() {
      return kept.stream().sorted(NEWEST_FIRST).toList();
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static GoalStatus statusNamed(String status) {
    try {
      return GoalStatus.parse(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(e.getMessage());
    }
  }

  private static Instant instantOf(String since, Instant now) {
    Matcher shorthand = SHORT_DURATION.matcher(since.toLowerCase(Locale.ROOT));
    try {
      if (shorthand.matches()) {
        long amount = Long.parseLong(shorthand.group(1));
        Duration back =
            switch (shorthand.group(2)) {
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
        return now.minus(back);
      }
      if (since.startsWith("P") || since.startsWith("p")) {
        return now.minus(Duration.parse(since));
      }
      return Instant.parse(since);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidQueryException(
          "since must be an ISO-8601 instant like 2026-03-01T10:00:00Z or a time back like PT15M,"
              + " 15m, 2h or 7d, not '"
              + since
              + "'");
    }
  }

  /** The request asked for something the list cannot give; the message says what is allowed. */
  static final class InvalidQueryException extends RuntimeException {
    InvalidQueryException(String message) {
      super(message);
    }
  }
}
