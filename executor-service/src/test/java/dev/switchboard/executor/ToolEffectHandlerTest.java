package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EffectCall;
import dev.switchboard.edge.EffectRefusal;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolEffectHandlerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final UUID REQUEST_EVENT = UUID.randomUUID();
  private final List<ToolCall> calls = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void shouldCallTheToolWithTheActionIdAsItsIdempotencyKey() throws Exception {
    ToolEffectHandler handler = handler(new ScriptedTool("echo", false, ToolCall::arguments));

    JsonNode output = handler.run(call("echo", false, NOW.plusSeconds(60)));

    assertThat(output).isEqualTo(Requests.json("{\"say\":\"hi\"}"));
  }

  @Test
  void shouldPassTheActionIdAndGoalIdToTheTool() throws Exception {
    Tool recording =
        new ScriptedTool(
            "echo",
            false,
            call -> {
              calls.add(call);
              return null;
            });

    handler(recording).run(call("echo", false, NOW.plusSeconds(60)));

    assertThat(calls)
        .containsExactly(new ToolCall("g-1/step-1", "g-1", Requests.json("{\"say\":\"hi\"}")));
  }

  @Test
  void shouldTurnAToolsRefusalIntoARefusal() {
    ToolEffectHandler handler =
        handler(
            new ScriptedTool(
                "send",
                true,
                call -> {
                  throw new ToolFailure("mailbox full");
                }));

    assertThatThrownBy(() -> handler.run(call("send", true, NOW.plusSeconds(60))))
        .isInstanceOf(EffectRefusal.class)
        .hasMessage("mailbox full");
  }

  @Test
  void shouldRunNothingForARequestThatExpiredBeforeItsAttempt() {
    ScriptedTool send = new ScriptedTool("send", true, call -> null);

    assertThatThrownBy(() -> handler(send).run(call("send", true, NOW.minusSeconds(1))))
        .isInstanceOf(EffectRefusal.class)
        .hasMessage("request expired; nothing ran");
    assertThat(send.calls()).isZero();
  }

  @Test
  void shouldLimitPerToolAndBreakPerServer() {
    ToolEffectHandler handler = handler(new ScriptedTool("echo", false, call -> null));
    EffectCall call = call("echo", false, NOW.plusSeconds(60));

    assertThat(handler.target(call)).isEqualTo("echo");
    assertThat(handler.server(call)).isEqualTo("builtin");
    assertThat(handler.server(call("gone", false, NOW))).isEqualTo("unknown");
  }

  @Test
  void shouldReportSuccessAsActionSucceededCausedByTheRequest() {
    ToolEffectHandler handler = handler(new ScriptedTool("echo", false, call -> null));
    EffectResult result =
        new EffectResult.Succeeded("g-1", "g-1/step-1", "tool", 1, Requests.json("{\"a\":1}"));

    List<SwitchboardEvent> events =
        handler.resultEvents(call("echo", false, NOW.plusSeconds(60)), result);

    assertThat(events)
        .containsExactly(
            new ActionSucceeded(
                "g-1",
                result.eventId(),
                REQUEST_EVENT,
                NOW,
                "g-1/step-1",
                "echo",
                Requests.json("{\"a\":1}")));
  }

  @Test
  void shouldReportAnUnknownOutcomeOfASideEffectForAPersonToCheck() {
    ToolEffectHandler handler = handler(new ScriptedTool("send", true, call -> null));
    EffectResult unknown =
        new EffectResult.OutcomeUnknown(
            "g-1", "g-1/step-1", "tool", 1, "send did not answer within 150ms");

    List<SwitchboardEvent> events =
        handler.resultEvents(call("send", true, NOW.plusSeconds(60)), unknown);

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ActionOutcomeUnknown.class,
            event ->
                assertThat(event.reason())
                    .isEqualTo(
                        "send did not answer within 150ms; it may or may not have taken effect"));
  }

  @Test
  void shouldReportAnUnknownOutcomeOfAReadOnlyCallAsAFailure() {
    ToolEffectHandler handler = handler(new ScriptedTool("lookup", false, call -> null));
    EffectResult unknown =
        new EffectResult.OutcomeUnknown(
            "g-1", "g-1/step-1", "tool", 1, "lookup crashed: java.lang.IllegalStateException");
    EffectResult failed =
        new EffectResult.Failed("g-1", "g-1/step-1", "tool", 1, "no account named 'X'");

    EffectCall call = call("lookup", false, NOW.plusSeconds(60));

    assertThat(handler.resultEvents(call, unknown))
        .singleElement()
        .isInstanceOfSatisfying(
            ActionFailed.class,
            event ->
                assertThat(event.error())
                    .isEqualTo("lookup crashed: java.lang.IllegalStateException"));
    assertThat(handler.resultEvents(call, failed))
        .singleElement()
        .isInstanceOfSatisfying(
            ActionFailed.class,
            event -> assertThat(event.error()).isEqualTo("no account named 'X'"));
  }

  @Test
  void shouldHoldBackOnlyTheMarkedGoalsAnswersOfTheConfiguredTool() {
    TestDelay delay = new TestDelay("slow-", "demo.send", Duration.ofMinutes(1));

    // A pending interrupt makes a sleeping call throw at once: it shows who would wait.
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> delay.after("demo.send", "slow-goal-1"))
        .isInstanceOf(InterruptedException.class);
    Thread.currentThread().interrupt();
    try {
      delay.after("demo.send", "goal-1");
      delay.after("demo.lookup", "slow-goal-1");
      TestDelay.OFF.after("demo.send", "slow-goal-1");
    } catch (InterruptedException e) {
      throw new AssertionError("only the marked goal's demo.send waits", e);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  private ToolEffectHandler handler(Tool tool) {
    return new ToolEffectHandler(
        new ToolRegistry(List.of(tool)),
        new ActionResults(clock),
        Requests.CODEC.mapper(),
        clock,
        TestDelay.OFF);
  }

  private static EffectCall call(String tool, boolean sideEffect, Instant expiresAt) {
    ToolRequest request =
        new ToolRequest(
            "g-1/step-1",
            tool,
            Requests.json("{\"say\":\"hi\"}"),
            sideEffect,
            REQUEST_EVENT,
            expiresAt);
    return new EffectCall("g-1", "g-1/step-1", 1, request.toJson(Requests.CODEC.mapper()));
  }
}
