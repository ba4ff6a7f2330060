package dev.switchboard.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How inbox items read in the terminal. */
final class EscalationFormat {
  private final DateTimeFormatter time;

  EscalationFormat(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
  }

  /** One line per item for {@code inbox}. */
  String line(Escalation escalation) {
    String line =
        String.join(
            "  ",
            escalation.escalationId(),
            valueOr(escalation.type(), "?"),
            "goal " + escalation.goalId(),
            escalation.action() == null ? "-" : escalation.action().tool(),
            valueOr(escalation.queue(), "-"),
            escalation.createdAt() == null ? "" : "since " + time.format(escalation.createdAt()));
    String sla = slaLeft(escalation);
    return sla.isEmpty() ? line : line + "  " + sla;
  }

  /** The full picture a person needs before saying yes. */
  String details(Escalation escalation) {
    StringBuilder text = new StringBuilder();
    text.append(valueOr(escalation.type(), "Escalation"))
        .append(" ")
        .append(escalation.escalationId())
        .append(" for goal ")
        .append(escalation.goalId())
        .append(escalation.agent() == null ? "" : " (agent " + escalation.agent() + ")")
        .append('\n');
    Escalation.Action action = escalation.action();
    if (action != null) {
      text.append("  action     ")
          .append(action.tool())
          .append(action.sideEffect() ? "  (changes the outside world)" : "")
          .append('\n');
      text.append("  arguments  ")
          .append(action.arguments() == null ? "{}" : action.arguments().toString())
          .append('\n');
    }
    if (escalation.reason() != null) {
      text.append("  why        ").append(escalation.reason()).append('\n');
    }
    if (escalation.policy() != null) {
      text.append("  policy     ").append(escalation.policy()).append('\n');
    }
    if (escalation.requestedBy() != null) {
      text.append("  asked by   ").append(escalation.requestedBy()).append('\n');
    }
    String sla = slaLeft(escalation);
    if (!sla.isEmpty()) {
      text.append("  answer     ").append(sla).append('\n');
    }
    return text.toString().stripTrailing();
  }

  /** "due in 3 h 12 min" or "overdue 5 min"; empty when the service did not say. */
  static String slaLeft(Escalation escalation) {
    Long seconds = escalation.slaRemainingSeconds();
    if (seconds == null) {
      return "";
    }
    long minutes = Math.abs(seconds) / 60;
    String amount =
        minutes >= 60
            ? minutes / 60 + " h " + minutes % 60 + " min"
            : Math.max(minutes, 0) + " min";
    return seconds > 0 ? "due in " + amount : "overdue " + amount;
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
