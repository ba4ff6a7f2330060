package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times, durations, holders and usage: short, in UTC. */
public final class ConsoleFormat {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter PRECISE_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Instant now;

  ConsoleFormat(Instant now) {
    this.now = now;
  }

  public Instant now() {
    return now;
  }

  public String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }

  public String preciseTime(Instant at) {
    return at == null ? "—" : PRECISE_TIME.format(at);
  }

  public String dateTime(Instant at) {
    return at == null ? "—" : DATE_TIME.format(at);
  }

  /** {@code 850 ms}, {@code 12.3 s}, {@code 4 m 05 s}, {@code 2 h 03 m}, {@code 3 d 04 h}. */
  public static String duration(Duration duration) {
    if (duration == null) {
      return "—";
    }
    long millis = Math.max(0, duration.toMillis());
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d m %02d s", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%d h %02d m", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%d d %02d h", seconds / 86_400, seconds % 86_400 / 3600);
  }

  public String durationOf(Duration duration) {
    return duration(duration);
  }

  /** How long ago, like {@code 4 m 05 s}. */
  public String age(Instant since) {
    return since == null ? "—" : duration(Duration.between(since, now));
  }

  /** {@code +12.3 s} after the start. */
  public String offset(Instant start, Instant at) {
    return start == null || at == null ? "" : "+" + duration(Duration.between(start, at));
  }

  public String between(Instant from, Instant to) {
    return from == null || to == null ? "—" : duration(Duration.between(from, to));
  }

  public String holder(Holding holding) {
    if (holding == null) {
      return "—";
    }
    return switch (holding.kind()) {
      case AGENT -> "agent " + holding.name();
      case QUEUE -> "waiting on " + (holding.name() == null ? "a person" : holding.name());
      case PERSON -> "with " + holding.name();
    };
  }

  public String holderKind(Holding holding) {
    return holding == null ? "" : holding.kind().name().toLowerCase(Locale.ROOT);
  }

  /** {@code 1,234 + 567 tokens · 0.0123 USD}; a dash when nothing was reported. */
  public String usage(Usage usage) {
    if (usage == null) {
      return "—";
    }
    String tokens =
        String.format(Locale.ROOT, "%,d + %,d tokens", usage.inputTokens(), usage.outputTokens());
    return usage.cost() == null ? tokens : tokens + " · " + price(usage);
  }

  /** The list's column: all tokens and the cost, {@code 1,801 tok · 0.0123 USD}, or a dash. */
  public String cost(Usage usage) {
    if (usage == null) {
      return "—";
    }
    String tokens =
        String.format(Locale.ROOT, "%,d tok", usage.inputTokens() + usage.outputTokens());
    return usage.cost() == null ? tokens : tokens + " · " + price(usage);
  }

  private static String price(Usage usage) {
    BigDecimal cost = usage.cost().stripTrailingZeros();
    return cost.toPlainString() + (usage.currency() == null ? "" : " " + usage.currency());
  }

  public String status(GoalStatus status) {
    return status == null ? "" : status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public String statusClass(GoalStatus status) {
    return status == null
        ? ""
        : "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A wire type name as a word: {@code ActionAllowed} → {@code allowed}. */
  public String outcomeWord(String type) {
    if (type == null) {
      return "—";
    }
    return switch (type) {
      case "ActionAllowed" -> "allowed";
      case "ActionDenied" -> "denied";
      case "ActionEscalated" -> "escalated";
      case "ActionSucceeded" -> "succeeded";
      case "ActionFailed" -> "failed";
      case "ActionOutcomeUnknown" -> "outcome unknown";
      case "TakenOver" -> "taken over";
      default -> type.toLowerCase(Locale.ROOT);
    };
  }

  public String waitKind(GoalTimeline.PersonWait wait) {
    return wait.kind() == null ? "" : wait.kind().name().toLowerCase(Locale.ROOT);
  }
}
