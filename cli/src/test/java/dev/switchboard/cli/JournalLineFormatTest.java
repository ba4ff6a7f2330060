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
            "propose demo.lookup");

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
            "a\nb " + "x".repeat(300));

    String line = format.entry(entry);

    assertThat(line).doesNotContain("\n").contains("a b x").endsWith("…");
    assertThat(line.length()).isLessThan(160);
  }

  @Test
  void shouldShowMissingFieldsAsPlaceholders() {
    JournalEntry entry = new JournalEntry(null, null, null, null, null, null);

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
                new JournalEntry("plan", "StepsProposed", "e1", null, Instant.EPOCH, "propose"),
                new JournalEntry(
                    "outcome", "GoalCompleted", "e2", null, Instant.EPOCH, "told ACME")));

    assertThat(format.ending(journal)).isEqualTo("Goal g-1 COMPLETED: told ACME");
  }

  @Test
  void shouldPointAtTheInboxWhenWaitingForAPerson() {
    assertThat(format.statusChange(GoalStatus.WAITING_FOR_HUMAN)).contains("inbox");
  }
}
