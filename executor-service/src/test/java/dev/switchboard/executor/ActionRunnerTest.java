package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionRunnerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMillis(150);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseHangingTools() {
    release.countDown();
  }

  @Test
  void shouldReportTheToolsOutputAsSucceeded() {
    ScriptedTool echo = new ScriptedTool("echo", false, call -> call.arguments());
    ActionRequested request = request("echo", false, "{\"say\":\"hi\"}");

    ActionResultEvent result = runner(echo).run(request);

    assertThat(result)
        .isEqualTo(
            new ActionSucceeded(
                "g-1",
                result.eventId(),
                request.eventId(),
                NOW,
                "g-1/step-1",
                "echo",
                Requests.json("{\"say\":\"hi\"}")));
  }

  @Test
  void shouldReportARefusalAsFailed() {
    ScriptedTool refusing =
        new ScriptedTool(
            "send",
            true,
            call -> {
              throw new ToolFailure("mailbox full");
            });

    ActionResultEvent result = runner(refusing).run(request("send", true, "{}"));

    assertThat(result).isInstanceOf(ActionFailed.class);
    assertThat(((ActionFailed) result).error()).isEqualTo("mailbox full");
  }

  @Test
  void shouldReportAnUnknownToolAsFailed() {
    ActionResultEvent result =
        runner(new ScriptedTool("echo", false, call -> null)).run(request("mail.send", true, "{}"));

    assertThat(result).isInstanceOf(ActionFailed.class);
    assertThat(((ActionFailed) result).error())
        .isEqualTo("unknown tool 'mail.send'; this executor has [echo]");
  }

  @Test
  void shouldReportATimedOutSideEffectAsOutcomeUnknown() {
    ScriptedTool hanging = new ScriptedTool("send", true, ScriptedTool.hangingUntil(release));

    ActionResultEvent result = runner(hanging).run(request("send", true, "{}"));

    assertThat(result).isInstanceOf(ActionOutcomeUnknown.class);
    assertThat(((ActionOutcomeUnknown) result).reason())
        .isEqualTo("send did not answer within 150ms; it may or may not have taken effect");
  }

  @Test
  void shouldReportATimedOutReadOnlyCallAsFailed() {
    ScriptedTool hanging = new ScriptedTool("lookup", false, ScriptedTool.hangingUntil(release));

    ActionResultEvent result = runner(hanging).run(request("lookup", false, "{}"));

    assertThat(result).isInstanceOf(ActionFailed.class);
    assertThat(((ActionFailed) result).error()).isEqualTo("lookup did not answer within 150ms");
  }

  @Test
  void shouldTreatATimeoutAsUnknownWhenTheActionSaysItHasSideEffects() {
    ScriptedTool hanging = new ScriptedTool("lookup", false, ScriptedTool.hangingUntil(release));

    assertThat(runner(hanging).run(request("lookup", true, "{}")))
        .isInstanceOf(ActionOutcomeUnknown.class);
  }

  @Test
  void shouldReportACrashedSideEffectAsOutcomeUnknownAndACrashedLookupAsFailed() {
    ScriptedTool.Answer crash =
        call -> {
          throw new IllegalStateException("boom");
        };

    ActionResultEvent send =
        runner(new ScriptedTool("send", true, crash)).run(request("send", true, "{}"));
    ActionResultEvent lookup =
        runner(new ScriptedTool("lookup", false, crash)).run(request("lookup", false, "{}"));

    assertThat(send).isInstanceOf(ActionOutcomeUnknown.class);
    assertThat(((ActionOutcomeUnknown) send).reason())
        .startsWith("send crashed: java.lang.IllegalStateException: boom");
    assertThat(lookup).isInstanceOf(ActionFailed.class);
    assertThat(((ActionFailed) lookup).error())
        .isEqualTo("lookup crashed: java.lang.IllegalStateException: boom");
  }

  private static ActionRunner runner(ScriptedTool tool) {
    return new ActionRunner(
        new ToolRegistry(List.of(tool)), TIMEOUT, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ActionRequested request(String tool, boolean sideEffect, String arguments) {
    return Requests.signed("g-1", "g-1/step-1", tool, sideEffect, arguments);
  }
}
