package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApprovalPromptTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final EscalationFormat format = new EscalationFormat(ZoneOffset.UTC);
  private final Escalation escalation =
      new Escalation(
          "esc-1",
          "g-1",
          "ApprovalRequested",
          "human:approvers",
          "demo",
          new Escalation.Action(
              "a2",
              "mail.send",
              JsonMapper.shared().readTree("{\"to\":\"buyer@acme.example\"}"),
              true),
          "sends mail to a customer",
          "side-effects-need-approval",
          Instant.parse("2026-01-02T10:00:02Z"),
          null,
          null,
          null);

  @Test
  void shouldApproveWhenThePersonSaysYes() {
    List<String> prompts = new ArrayList<>();
    ApprovalPrompt prompt =
        ApprovalPrompt.interactive(
            out,
            format,
            text -> {
              prompts.add(text);
              return " Y ";
            });

    assertThat(prompt.decide(escalation).approved()).isTrue();
    assertThat(prompts).containsExactly("Approve? [y/N] ");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "mail.send",
            "buyer@acme.example",
            "sends mail to a customer",
            "side-effects-need-approval");
  }

  @Test
  void shouldDenyOnAnythingButYesAndAtEndOfInput() {
    assertThat(ApprovalPrompt.interactive(out, format, text -> "").decide(escalation).approved())
        .isFalse();
    assertThat(
            ApprovalPrompt.interactive(out, format, text -> "nope").decide(escalation).approved())
        .isFalse();
    assertThat(ApprovalPrompt.interactive(out, format, text -> null).decide(escalation).approved())
        .isFalse();
  }

  @Test
  void shouldApproveAutomaticallyAndSaySo() {
    ApprovalPrompt.Decision decision =
        ApprovalPrompt.automatic(out, format, "--yes").decide(escalation);

    assertThat(decision.approved()).isTrue();
    assertThat(decision.note()).contains("--yes");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Approving automatically (--yes)");
  }

  @Test
  void shouldListAnInboxItemOnOneLine() {
    assertThat(format.line(escalation))
        .isEqualTo(
            "esc-1  ApprovalRequested  goal g-1  mail.send  human:approvers  since 2026-01-02 10:00:02");
  }
}
