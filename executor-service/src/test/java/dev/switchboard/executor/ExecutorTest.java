package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutorTest {
  private final ScriptedTool lookup =
      new ScriptedTool(
          "demo.lookup", false, call -> Requests.json("{\"contact\":\"x@y.example\"}"));
  private final Executor executor = executorWith(lookup, Requests.SIGNER);

  @Test
  void shouldRunASignedRequestAndRememberItsActionId() {
    ActionRequested request = Requests.lookup("g-1", "ACME");

    Decision<ExecutorState> decision = executor.decide(null, request);

    assertThat(decision.state().doneActionIds()).containsExactly("g-1/step-1");
    assertThat(decision.emit()).singleElement().isInstanceOf(ActionSucceeded.class);
    ActionSucceeded result = (ActionSucceeded) decision.emit().getFirst();
    assertThat(result.causationId()).isEqualTo(request.eventId());
    assertThat(result.output().get("contact").asString()).isEqualTo("x@y.example");
  }

  @Test
  void shouldRunARepeatedActionIdOnlyOnce() {
    ActionRequested first = Requests.lookup("g-1", "ACME");
    ActionRequested repeat = Requests.lookup("g-1", "ACME");

    Decision<ExecutorState> afterFirst = executor.decide(null, first);
    Decision<ExecutorState> afterRepeat = executor.decide(afterFirst.state(), repeat);

    assertThat(lookup.calls()).isEqualTo(1);
    assertThat(afterRepeat.emit()).isEmpty();
    assertThat(afterRepeat.state()).isEqualTo(afterFirst.state());
  }

  @Test
  void shouldNotRetryAnActionThatFailed() {
    ScriptedTool refusing =
        new ScriptedTool(
            "demo.lookup",
            false,
            call -> {
              throw new ToolFailure("no");
            });
    Executor refusingExecutor = executorWith(refusing, Requests.SIGNER);

    Decision<ExecutorState> first = refusingExecutor.decide(null, Requests.lookup("g-1", "ACME"));
    Decision<ExecutorState> again =
        refusingExecutor.decide(first.state(), Requests.lookup("g-1", "ACME"));

    assertThat(first.emit()).singleElement().isInstanceOf(ActionFailed.class);
    assertThat(again.emit()).isEmpty();
    assertThat(refusing.calls()).isEqualTo(1);
  }

  @Test
  void shouldRejectARequestWhoseArgumentsChangedAfterSigning() {
    ActionRequested signed = Requests.lookup("g-1", "ACME");
    PlannedAction action = signed.action();
    ActionRequested tampered =
        new ActionRequested(
            signed.goalId(),
            signed.eventId(),
            signed.causationId(),
            signed.occurredAt(),
            new PlannedAction(
                action.actionId(),
                action.tool(),
                Requests.json("{\"account\":\"Globex\"}"),
                action.dependsOn(),
                action.sideEffect(),
                action.rationale()),
            signed.approvedBy(),
            signed.expiresAt(),
            signed.keyId(),
            signed.signature());

    assertThatThrownBy(() -> executor.decide(null, tampered))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify");
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void shouldRejectUnsignedRequestsAndRequestsSignedWithAnotherKey() {
    ActionRequested unsigned =
        Requests.unsigned("g-1", "g-1/step-1", "demo.lookup", false, "{\"account\":\"ACME\"}");
    ActionSigner stranger =
        ActionSigner.fromSecret("another-key-that-is-also-32-bytes-long", Requests.CODEC);

    assertThatThrownBy(() -> executor.decide(null, unsigned))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify");
    assertThatThrownBy(() -> executor.decide(null, stranger.sign(unsigned)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify");
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void shouldRejectEventsThatAreNoActionRequests() {
    GoalCancelled stray =
        new GoalCancelled("g-1", UUID.randomUUID(), null, Instant.now(), "stop", "someone");

    assertThatThrownBy(() -> executor.decide(null, stray))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("the executor takes ActionRequested only, not GoalCancelled");
  }

  private static Executor executorWith(ScriptedTool tool, ActionSigner signer) {
    return new Executor(
        signer,
        new ActionRunner(
            new ToolRegistry(List.of(tool)),
            Duration.ofSeconds(5),
            Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC)));
  }
}
