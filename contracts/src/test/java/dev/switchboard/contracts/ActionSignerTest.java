package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.PlannedAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActionSignerTest {
  private static final String SECRET = "a-signing-key-of-at-least-32-bytes!";

  private final EventCodec codec = new EventCodec();
  private final ActionSigner signer = ActionSigner.fromSecret(SECRET, codec);
  private final UUID eventId = UUID.randomUUID();

  @Test
  void shouldVerifyWhatItSigned() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    assertThat(signed.signature()).isNotBlank();
    assertThat(signer.verifies(signed)).isTrue();
  }

  @Test
  void shouldVerifyAfterAnEncodeDecodeRoundTrip() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), null));

    ActionRequested decoded =
        (ActionRequested) codec.decode(Topics.ACTION_REQUEST, codec.encode(signed));

    assertThat(decoded).isEqualTo(signed);
    assertThat(signer.verifies(decoded)).isTrue();
  }

  @Test
  void shouldRejectAnUnsignedRequest() {
    assertThat(signer.verifies(request(SampleEvents.sendMail(), null))).isFalse();
  }

  @Test
  void shouldRejectAChangedTool() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    assertThat(
            signer.verifies(
                withAction(signed, action(signed, "mail.sendAll", signed.action().arguments()))))
        .isFalse();
  }

  @Test
  void shouldRejectChangedArguments() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    assertThat(
            signer.verifies(
                withArguments(
                    signed,
                    "{\"to\": [\"eve@example.com\"], \"subject\": \"Hello\", \"body\": {\"lines\": [\"a\", \"b\"], \"n\": 3}}")))
        .isFalse();
    assertThat(
            signer.verifies(
                withArguments(
                    signed,
                    "{\"to\": [\"ada@example.com\"], \"subject\": \"Hello\", \"body\": {\"lines\": [\"a\", \"b\"], \"n\": 4}}")))
        .as("nested change")
        .isFalse();
    assertThat(
            signer.verifies(
                withArguments(
                    signed,
                    "{\"to\": [\"ada@example.com\"], \"subject\": \"Hello\", \"body\": {\"lines\": [\"b\", \"a\"], \"n\": 3}}")))
        .as("array order")
        .isFalse();
    assertThat(
            signer.verifies(
                withArguments(
                    signed,
                    "{\"to\": [\"ada@example.com\"], \"subject\": \"Hello\", \"body\": {\"lines\": [\"a\", \"b\"], \"n\": 3}, \"bcc\": \"eve\"}")))
        .as("added argument")
        .isFalse();
    assertThat(signer.verifies(withArguments(signed, "{}"))).as("no arguments").isFalse();
  }

  @Test
  void shouldIgnoreArgumentKeyOrder() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    ActionRequested reordered =
        withArguments(
            signed,
            "{\"body\": {\"n\": 3, \"lines\": [\"a\", \"b\"]}, \"subject\": \"Hello\", \"to\": [\"ada@example.com\"]}");

    assertThat(signer.verifies(reordered)).isTrue();
  }

  @Test
  void shouldRejectAChangedGoalId() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    ActionRequested moved =
        new ActionRequested(
            "another-goal",
            signed.eventId(),
            signed.causationId(),
            signed.occurredAt(),
            signed.action(),
            signed.approvedBy(),
            signed.expiresAt(),
            signed.keyId(),
            signed.signature());

    assertThat(signer.verifies(moved)).isFalse();
  }

  @Test
  void shouldRejectAChangedEventId() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    ActionRequested replayed =
        new ActionRequested(
            signed.goalId(),
            UUID.randomUUID(),
            signed.causationId(),
            signed.occurredAt(),
            signed.action(),
            signed.approvedBy(),
            signed.expiresAt(),
            signed.keyId(),
            signed.signature());

    assertThat(signer.verifies(replayed)).isFalse();
  }

  @Test
  void shouldRejectAChangedApprover() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    assertThat(signer.verifies(withApprover(signed, "mallory"))).isFalse();
    assertThat(signer.verifies(withApprover(signed, null))).isFalse();
  }

  @Test
  void shouldTellAMissingApproverFromOneNamedNull() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), null));

    assertThat(signer.verifies(withApprover(signed, "null"))).isFalse();
  }

  @Test
  void shouldRejectAChangedSideEffectFlag() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    PlannedAction original = signed.action();
    PlannedAction harmless =
        new PlannedAction(
            original.actionId(),
            original.tool(),
            original.arguments(),
            original.dependsOn(),
            false,
            original.rationale());

    assertThat(signer.verifies(withAction(signed, harmless))).isFalse();
  }

  @Test
  void shouldRejectFieldBoundariesMovedBetweenActionIdAndTool() {
    PlannedAction original = new PlannedAction("act\0mail", "send", null, List.of(), true, null);
    PlannedAction shifted = new PlannedAction("act", "mail\0send", null, List.of(), true, null);
    ActionRequested signed = signer.sign(request(original, null));

    assertThat(signer.verifies(withAction(signed, shifted))).isFalse();
  }

  @Test
  void shouldRejectAChangedSignature() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    char[] signature = signed.signature().toCharArray();
    signature[0] = signature[0] == 'A' ? 'B' : 'A';

    assertThat(signer.verifies(signed.withSignature(new String(signature)))).isFalse();
    assertThat(signer.verifies(signed.withSignature(signed.signature() + "A"))).isFalse();
    assertThat(signer.verifies(signed.withSignature(""))).isFalse();
    assertThat(signer.verifies(signed.withSignature("é"))).isFalse();
  }

  @Test
  void shouldRejectASignatureMadeWithAnotherKey() {
    ActionSigner other = ActionSigner.fromSecret("another-signing-key-of-32-bytes-or-more", codec);

    assertThat(signer.verifies(other.sign(request(SampleEvents.sendMail(), "bob")))).isFalse();
  }

  @Test
  void shouldRejectAKeyShorterThan32Bytes() {
    assertThatThrownBy(() -> new ActionSigner(new byte[31], codec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> ActionSigner.fromSecret("short", codec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> ActionSigner.fromSecret(null, codec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not configured");
    assertThat(new ActionSigner(new byte[32], codec)).isNotNull();
  }

  @Test
  void shouldKeepItsOwnCopyOfTheKey() {
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
    ActionSigner copying = new ActionSigner(key, codec);
    ActionRequested signed = copying.sign(request(SampleEvents.sendMail(), "bob"));

    Arrays.fill(key, (byte) 0);

    assertThat(copying.verifies(signed)).isTrue();
    assertThat(signer.verifies(signed)).isTrue();
  }

  @Test
  void shouldNotShowTheKeyInToString() {
    assertThat(signer.toString())
        .doesNotContain(SECRET)
        .doesNotContain(SECRET.substring(0, 8))
        .contains("hidden");
  }

  @Test
  void shouldStampItsKeyIdOnWhatItSigns() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));

    assertThat(signed.keyId()).isEqualTo(signer.keyId()).matches("[0-9a-f]{8}");
    assertThat(ActionSigner.fromSecret(SECRET, "guardrail-2025", codec).keyId())
        .isEqualTo("guardrail-2025");
  }

  @Test
  void shouldDeriveTheSameKeyIdFromTheSameKeyOnly() {
    ActionSigner again = ActionSigner.fromSecret(SECRET, codec);
    ActionSigner other = ActionSigner.fromSecret("another-signing-key-of-32-bytes-or-more", codec);

    assertThat(again.keyId()).isEqualTo(signer.keyId());
    assertThat(other.keyId()).isNotEqualTo(signer.keyId());
    assertThat(signer.keyId()).isNotEqualTo(SECRET.substring(0, 8));
  }

  @Test
  void shouldRejectAChangedExpiry() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    ActionRequested extended =
        new ActionRequested(
            signed.goalId(),
            signed.eventId(),
            signed.causationId(),
            signed.occurredAt(),
            signed.action(),
            signed.approvedBy(),
            signed.expiresAt().plusSeconds(3600),
            signed.keyId(),
            signed.signature());

    assertThat(signer.verifies(extended)).isFalse();
  }

  @Test
  void shouldRejectAChangedOrMissingKeyId() {
    ActionRequested signed = signer.sign(request(SampleEvents.sendMail(), "bob"));
    ActionSigner sameKeyOtherName = ActionSigner.fromSecret(SECRET, "renamed", codec);

    assertThat(signer.verifies(signed.withKeyId("renamed").withSignature(signed.signature())))
        .isFalse();
    assertThat(signer.verifies(signed.withKeyId(null).withSignature(signed.signature()))).isFalse();
    assertThat(sameKeyOtherName.verifies(signed)).as("the id names the key it expects").isFalse();
  }

  @Test
  void shouldRefuseAKeyIdOutsideItsAlphabet() {
    assertThatThrownBy(() -> ActionSigner.fromSecret(SECRET, "a key", codec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key id");
    assertThatThrownBy(() -> ActionSigner.fromSecret(SECRET, "", codec))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private ActionRequested request(PlannedAction action, String approvedBy) {
    return new ActionRequested(
        "goal-1",
        eventId,
        UUID.randomUUID(),
        SampleEvents.AT,
        action,
        approvedBy,
        SampleEvents.AT.plusSeconds(600),
        null,
        null);
  }

  private static PlannedAction action(ActionRequested request, String tool, JsonNode arguments) {
    PlannedAction a = request.action();
    return new PlannedAction(
        a.actionId(), tool, arguments, a.dependsOn(), a.sideEffect(), a.rationale());
  }

  private static ActionRequested withArguments(ActionRequested request, String arguments) {
    return withAction(
        request, action(request, request.action().tool(), SampleEvents.json(arguments)));
  }

  private static ActionRequested withAction(ActionRequested request, PlannedAction action) {
    return new ActionRequested(
        request.goalId(),
        request.eventId(),
        request.causationId(),
        request.occurredAt(),
        action,
        request.approvedBy(),
        request.expiresAt(),
        request.keyId(),
        request.signature());
  }

  private static ActionRequested withApprover(ActionRequested request, String approvedBy) {
    return new ActionRequested(
        request.goalId(),
        request.eventId(),
        request.causationId(),
        request.occurredAt(),
        request.action(),
        approvedBy,
        request.expiresAt(),
        request.keyId(),
        request.signature());
  }
}
