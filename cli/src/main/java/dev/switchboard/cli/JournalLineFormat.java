package dev.switchboard.cli;

import dev.switchboard.contracts.event.Owners;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How journal entries and goal endings read in the terminal: one line each. */
final class JournalLineFormat {
  private static final int SUMMARY_LIMIT = 100;
  private static final String OUTCOME_TOPIC = "outcome";

  private final DateTimeFormatter time;

  JournalLineFormat(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
  }

  /** {@code 20:31:50.104 plan StepsProposed propose demo.lookup} */
  String entry(JournalEntry entry) {
    return String.format(
            "%s  %-14s %-20s %s",
            time(entry.occurredAt()),
            orDash(entry.topic()),
            orDash(entry.type()),
            shorten(entry.summary()))
        .stripTrailing();
  }

  /**
   * Who hands the goal to whom, and who holds it then: {@code -- handoff: sdr -> researcher} for
   * the guardrail's relayed handoff, {@code -- researcher holds the goal} once it is reassigned.
   */
  Optional<String> handoff(JournalEntry entry) {
    String target = entry.target();
    if (target == null || target.isBlank()) {
      return Optional.empty();
    }
    return switch (orDash(entry.type())) {
      case "HandoffRequested" ->
          Optional.of("-- handoff: " + orDash(entry.agent()) + " -> " + holderName(target));
      case "Reassigned" -> Optional.of("-- " + holderName(target) + " holds the goal");
      default -> Optional.empty();
    };
  }

  /** An agent by its name; a queue of people as its full name, {@code human:<queue>}. */
  private static String holderName(String target) {
    return Owners.agentOf(target).orElse(target);
  }

  String statusChange(GoalStatus status) {
    return switch (status) {
      case WAITING_FOR_HUMAN -> "-- waiting for a person (see: bin/switchboard inbox)";
      default -> "-- status " + status;
    };
  }

  /** {@code Goal 7f3c… COMPLETED: told ACME about the new pricing} */
  String ending(GoalJournal journal) {
    String summary =
        journal.lastOn(OUTCOME_TOPIC).map(JournalEntry::summary).map(this::shorten).orElse("");
    return "Goal "
        + journal.goalId()
        + " "
        + journal.status()
        + (summary.isEmpty() ? "" : ": " + summary);
  }

  private String time(Instant instant) {
    return instant == null ? "--:--:--.---" : time.format(instant);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private String shorten(String summary) {
    if (summary == null) {
      return "";
    }
    String oneLine = summary.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SUMMARY_LIMIT
        ? oneLine
        : oneLine.substring(0, SUMMARY_LIMIT - 1) + "…";
  }
}
