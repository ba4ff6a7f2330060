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
    return String.join(
        "  ",
        escalation.escalationId(),
        valueOr(escalation.type(), "?"),
        "goal " + escalation.goalId(),
        escalation.action() == null ? "-" : escalation.action().tool(),
        valueOr(escalation.queue(), "-"),
        escalation.createdAt() == null ? "" : "since " + time.format(escalation.createdAt()));
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
    return text.toString().stripTrailing();
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
