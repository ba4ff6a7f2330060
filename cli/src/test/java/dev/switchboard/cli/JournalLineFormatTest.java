package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalLineFormatTest {
  private final JournalLineFormat format = new JournalLineFormat(ZoneOffset.UTC);

  @Test
  void shouldPrintTimeTopicTypeAndSummaryInColumns() {
    JournalEntry entry =
        new JournalEntry(
            "plan",
            "StepsProposed",
            "e1",
            null,
            Instant.parse("2026-01-02T10:15:30.123Z"),
            "propose demo.lookup",
            null,
            null);

    assertThat(format.entry(entry))
        .isEqualTo("10:15:30.123  plan           StepsProposed        propose demo.lookup");
  }

  @Test
  void shouldKeepLongOrMultiLineSummariesOnOneShortLine() {
    JournalEntry entry =
        new JournalEntry(
            "action-result",
            "ActionSucceeded",
            "e2",
            null,
            Instant.EPOCH,
            "a\nb " + "x".repeat(300),
            null,
            null);

    String line = format.entry(entry);

    assertThat(line).doesNotContain("\n").contains("a b x").endsWith("…");
    assertThat(line.length()).isLessThan(160);
  }

  @Test
  void shouldShowMissingFieldsAsPlaceholders() {
    JournalEntry entry = new JournalEntry(null, null, null, null, null, null, null, null);

    assertThat(format.entry(entry)).isEqualTo("--:--:--.---  -              -");
  }

  @Test
  void shouldEndWithTheStatusAndTheOutcomeSummary() {
    GoalJournal journal =
        new GoalJournal(
            "g-1",
            GoalStatus.COMPLETED,
            "demo",
            "Tell ACME",
            null,
            List.of(
                new JournalEntry(
                    "plan", "StepsProposed", "e1", null, Instant.EPOCH, "propose", null, null),
                new JournalEntry(
                    "outcome",
                    "GoalCompleted",
                    "e2",
                    null,
                    Instant.EPOCH,
                    "told ACME",
                    null,
                    null)));

    assertThat(format.ending(journal)).isEqualTo("Goal g-1 COMPLETED: told ACME");
  }

  @Test
  void shouldSayWhoHandsTheGoalToWhomAndWhoHoldsItThen() {
    assertThat(format.handoff(handoffEntry("HandoffRequested", "sdr", "agent:researcher")))
        .contains("-- handoff: sdr -> researcher");
    assertThat(format.handoff(handoffEntry("HandoffRequested", "researcher", "human:sales-ops")))
        .contains("-- handoff: researcher -> human:sales-ops");
    assertThat(format.handoff(handoffEntry("Reassigned", null, "agent:researcher")))
        .contains("-- researcher holds the goal");
    assertThat(format.handoff(handoffEntry("HandoffProposed", "sdr", "agent:researcher")))
        .as("the proposal is not a handoff until the guardrail relays it")
        .isEmpty();
    assertThat(format.handoff(handoffEntry("Approved", null, null))).isEmpty();
  }

  private static JournalEntry handoffEntry(String type, String agent, String target) {
    return new JournalEntry("escalation", type, "e1", null, Instant.EPOCH, "", agent, target);
  }

  @Test
  void shouldPointAtTheInboxWhenWaitingForAPerson() {
    assertThat(format.statusChange(GoalStatus.WAITING_FOR_HUMAN)).contains("inbox");
  }
}
