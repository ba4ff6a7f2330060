package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.Effect;
import dev.switchboard.edge.EventRefusal;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionRunnerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private final ScriptedTool lookup =
      new ScriptedTool(
          "demo.lookup", false, call -> Requests.json("{\"contact\":\"x@y.example\"}"));
  private final ScriptedTool send = new ScriptedTool("demo.send", true, call -> null);
  private final ActionRunner executor = executorWith(Requests.SIGNER);

  @Test
  void shouldTurnASignedRequestIntoAToolEffectAndRememberItsActionId() {
    ActionRequested request = Requests.lookup("g-1", "ACME");

    Decision<ExecutorState> decision = executor.decide(null, request);

    assertThat(decision.state().doneActionIds()).containsExactly("g-1/step-1");
    assertThat(decision.ended())
        .as("a request does not end the goal: only its outcome does")
        .isFalse();
    assertThat(decision.emit()).as("nothing is called inside the transaction").isEmpty();
    Effect effect = decision.effects().getFirst();
    assertThat(decision.effects()).hasSize(1);
    assertThat(effect.effectId()).isEqualTo("g-1/step-1");
    assertThat(effect.kind()).isEqualTo("tool");
    assertThat(effect.retrySafe()).isTrue();
    assertThat(effect.timeout()).isEqualTo(Duration.ofSeconds(5));
    ToolRequest carried = ToolRequest.fromJson(effect.request(), Requests.CODEC.mapper());
    assertThat(carried)
        .isEqualTo(
            new ToolRequest(
                "g-1/step-1",
                "demo.lookup",
                Requests.json("{\"account\":\"ACME\"}"),
                false,
                request.eventId(),
                request.expiresAt()));
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void shouldNeverRetryASideEffectingTool() {
    Decision<ExecutorState> decision =
        executor.decide(
            null,
            Requests.signed("g-1", "g-1/step-2", "demo.send", true, "{\"to\":\"a@b.example\"}"));

    assertThat(decision.effects().getFirst().retrySafe()).isFalse();
  }

  @Test
  void shouldNotRetryARequestThatClaimsASideEffectItsToolDoesNotDeclare() {
    Decision<ExecutorState> decision =
        executor.decide(
            null, Requests.signed("g-1", "g-1/step-1", "demo.lookup", true, "{\"account\":\"A\"}"));

    assertThat(decision.effects().getFirst().retrySafe()).isFalse();
    ToolRequest carried =
        ToolRequest.fromJson(decision.effects().getFirst().request(), Requests.CODEC.mapper());
    assertThat(carried.sideEffect()).isTrue();
  }

  @Test
  void shouldTakeARepeatedActionIdOnlyOnce() {
    Decision<ExecutorState> afterFirst = executor.decide(null, Requests.lookup("g-1", "ACME"));
    Decision<ExecutorState> afterRepeat =
        executor.decide(afterFirst.state(), Requests.lookup("g-1", "ACME"));

    assertThat(afterRepeat.emit()).isEmpty();
    assertThat(afterRepeat.effects()).isEmpty();
    assertThat(afterRepeat.state()).isEqualTo(afterFirst.state());
  }

  @Test
  void shouldRefuseAnActionIdOfAnotherGoalEvenWhenTheGuardrailSignedIt() {
    ActionRequested otherGoals =
        Requests.signed("g-2", "g-1/step-2", "demo.send", true, "{\"to\":\"a@b.example\"}");

    assertThatThrownBy(() -> executor.decide(null, otherGoals))
        .isInstanceOf(EventRefusal.class)
        .hasMessage("refused: action id 'g-1/step-2' does not belong to goal g-2");
  }

  @Test
  void shouldAnswerAnExpiredRequestWithoutRunningIt() {
    ActionRequested expired =
        Requests.SIGNER.sign(
            Requests.unsigned(
                "g-1",
                "g-1/step-2",
                "demo.send",
                true,
                "{\"to\":\"a@b.example\"}",
                NOW.minusMillis(1)));

    Decision<ExecutorState> decision = executor.decide(null, expired);

    assertThat(decision.effects()).isEmpty();
    assertThat(decision.state().doneActionIds()).containsExactly("g-1/step-2");
    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionFailed.class,
            failed -> {
              assertThat(failed.error()).isEqualTo("request expired; nothing ran");
              assertThat(failed.causationId()).isEqualTo(expired.eventId());
              assertThat(failed.tool()).isEqualTo("demo.send");
            });
  }

  @Test
  void shouldAnswerARequestForAnUnknownToolWithoutAnEffect() {
    Decision<ExecutorState> decision =
        executor.decide(null, Requests.signed("g-1", "g-1/step-1", "mail.send", true, "{}"));

    assertAnsweredWithoutRunning(
        decision, "unknown tool 'mail.send'; this executor has [demo.lookup, demo.send]");
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
  }

  @Test
  void shouldRejectARequestWhoseExpiryWasExtendedAfterSigning() {
    ActionRequested signed = Requests.lookup("g-1", "ACME");
    ActionRequested extended =
        new ActionRequested(
            signed.goalId(),
            signed.eventId(),
            signed.causationId(),
            signed.occurredAt(),
            signed.action(),
            signed.approvedBy(),
            signed.expiresAt().plusSeconds(86_400),
            signed.keyId(),
            signed.signature());

    assertThatThrownBy(() -> executor.decide(null, extended))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify");
  }

  @Test
  void shouldRejectUnsignedRequestsAndRequestsSignedWithAnotherKey() {
    ActionRequested unsigned =
        Requests.unsigned("g-1", "g-1/step-1", "demo.lookup", false, "{\"account\":\"ACME\"}");
    ActionSigner stranger =
        ActionSigner.fromSecret("another-key-that-is-also-32-bytes-long", Requests.CODEC);
    ActionSigner sameNameOtherKey =
        ActionSigner.fromSecret(
            "another-key-that-is-also-32-bytes-long", Requests.SIGNER.keyId(), Requests.CODEC);

    assertThatThrownBy(() -> executor.decide(null, unsigned))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify (signed with key id 'null', not ours)");
    assertThatThrownBy(() -> executor.decide(null, stranger.sign(unsigned)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage(
            "signature does not verify (signed with key id '" + stranger.keyId() + "', not ours)");
    assertThatThrownBy(() -> executor.decide(null, sameNameOtherKey.sign(unsigned)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("signature does not verify");
  }

  @Test
  void shouldRejectEventsThatAreNoActionRequests() {
    GoalCancelled stray =
        new GoalCancelled("g-1", UUID.randomUUID(), null, Instant.now(), "stop", "someone");

    assertThatThrownBy(() -> executor.decide(null, stray))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("the executor takes ActionRequested and outcomes only, not GoalCancelled");
  }

  @Test
  void shouldEndTheGoalWhenItsOutcomeArrivesKeepingItsActionIdsUntilTheRetention() {
    ExecutorState taken = executor.decide(null, Requests.lookup("g-1", "ACME")).state();
    GoalCompleted outcome = new GoalCompleted("g-1", UUID.randomUUID(), null, NOW, "done", null);

    Decision<ExecutorState> decision = executor.decide(taken, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state().doneActionIds()).isEqualTo(taken.doneActionIds());
    assertThat(decision.state().endedAs()).isEqualTo("GoalCompleted");
    assertThat(decision.emit()).isEmpty();
    assertThat(decision.effects()).isEmpty();
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void shouldEndAGoalThatNeverAskedForAnAction() {
    GoalFailed outcome = new GoalFailed("g-2", UUID.randomUUID(), null, NOW, "no way", "stuck");

    Decision<ExecutorState> decision = executor.decide(null, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state().doneActionIds()).isEmpty();
    assertThat(decision.state().endedAs()).isEqualTo("GoalFailed");
  }

  @Test
  void shouldRunNothingThatIsRequestedAfterTheGoalEnded() {
    OutcomeEvent.GoalCancelled cancelled =
        new OutcomeEvent.GoalCancelled("g-1", UUID.randomUUID(), null, NOW, "cancelled", "no");
    ExecutorState ended = executor.decide(null, cancelled).state();

    Decision<ExecutorState> decision =
        executor.decide(
            ended,
            Requests.signed("g-1", "g-1/step-2", "demo.send", true, "{\"to\":\"a@b.example\"}"));

    assertAnsweredWithoutRunning(
        decision, "the goal ended (GoalCancelled) before this action ran; nothing ran");
    assertThat(decision.state().hasRun("g-1/step-2")).isTrue();
    assertThat(send.calls()).isZero();
  }

  /** No effect: one ActionFailed with this error. */
  private static void assertAnsweredWithoutRunning(Decision<ExecutorState> decision, String error) {
    assertThat(decision.effects()).isEmpty();
    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionFailed.class, failed -> assertThat(failed.error()).isEqualTo(error));
  }

  private ActionRunner executorWith(ActionSigner signer) {
    return new ActionRunner(
        signer,
        new ToolRegistry(List.of(lookup, send)),
        Duration.ofSeconds(5),
        Requests.CODEC.mapper(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
