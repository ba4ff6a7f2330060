package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rotating the action key: several keys verify, the one named signs, secrets stay hidden. */
class ActionKeyRotationTest {
  private static final String OLD_SECRET = "the-old-action-key-of-at-least-32-bytes";
  private static final String NEW_SECRET = "the-new-action-key-of-at-least-32-bytes";
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldVerifyWithTheOldKeyWhileSigningWithTheNewOne() {
    ActionSigner before = signer(Map.of("2026-01", OLD_SECRET), null);
    ActionSigner during = signer(keys(OLD_SECRET, NEW_SECRET), "2026-04");
    ActionSigner after = signer(Map.of("2026-04", NEW_SECRET), null);
    ActionRequested signedBefore = before.sign(request());
    ActionRequested signedDuring = during.sign(request());

    assertThat(during.keyId()).isEqualTo("2026-04");
    assertThat(during.verifies(signedBefore)).as("old key id still verifies").isTrue();
    assertThat(during.verifies(signedDuring)).isTrue();
    assertThat(before.verifies(signedDuring)).as("signed with the new key").isFalse();
    assertThat(after.verifies(signedDuring)).isTrue();
    assertThat(after.verifies(signedBefore)).as("old key dropped").isFalse();
  }

  @Test
  void shouldSignWithTheNamedKeyOnly() {
    ActionRequested signed = signer(keys(OLD_SECRET, NEW_SECRET), "2026-01").sign(request());

    assertThat(signer(Map.of("2026-01", OLD_SECRET), null).verifies(signed)).isTrue();
    assertThat(signer(Map.of("2026-04", NEW_SECRET), null).verifies(signed)).isFalse();
  }

  @Test
  void shouldAskWhichKeySignsWhenThereAreSeveral() {
    assertThatThrownBy(() -> ActionKeyRing.of(keys(OLD_SECRET, NEW_SECRET), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("which one signs");
    assertThatThrownBy(() -> ActionKeyRing.of(keys(OLD_SECRET, NEW_SECRET), "2025-12"))
        .hasMessageContaining("'2025-12' is not among");
  }

  @Test
  void shouldNameTheShortKeyButNeverShowASecret() {
    String shortSecret = "too-short-secret";

    assertThatThrownBy(() -> ActionKeyRing.of(Map.of("k1", shortSecret), null))
        .hasMessageContaining("'k1'")
        .hasMessageContaining("at least 32 bytes")
        .message()
        .doesNotContain(shortSecret);
    ActionKeyRing ring = ActionKeyRing.of(keys(OLD_SECRET, NEW_SECRET), "2026-04");
    assertThat(ring.toString())
        .contains("2026-01", "2026-04", "hidden")
        .doesNotContain(OLD_SECRET)
        .doesNotContain(NEW_SECRET);
    assertThat(new ActionSigner(ring, codec).toString()).doesNotContain(NEW_SECRET);
  }

  @Test
  void shouldRefuseAKeyIdThatCouldNotTravelInAHeader() {
    assertThatThrownBy(() -> ActionKeyRing.of(Map.of("bad id", NEW_SECRET), null))
        .hasMessageContaining("'bad id'");
  }

  @Test
  void shouldNameASingleKeyAfterItsHashSoBothSidesAgreeUnconfigured() {
    ActionSigner single = ActionSigner.fromSecret(OLD_SECRET, codec);
    String derived = ActionKeyRing.defaultKeyId(OLD_SECRET.getBytes(StandardCharsets.UTF_8));
    ActionSigner ring = signer(Map.of(derived, OLD_SECRET), null);

    assertThat(single.keyId()).isEqualTo(derived);
    assertThat(ring.verifies(single.sign(request()))).isTrue();
    assertThat(signer(Map.of("renamed", OLD_SECRET), null).verifies(single.sign(request())))
        .as("the same secret under another id")
        .isFalse();
  }

  private ActionSigner signer(Map<String, String> secrets, String signingKeyId) {
    return new ActionSigner(ActionKeyRing.of(secrets, signingKeyId), codec);
  }

  private static Map<String, String> keys(String oldSecret, String newSecret) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("2026-01", oldSecret);
    keys.put("2026-04", newSecret);
    return keys;
  }

  private static ActionRequested request() {
    return new ActionRequested(
        "goal-1",
        UUID.randomUUID(),
        null,
        SampleEvents.AT,
        SampleEvents.sendMail(),
        "bob",
        SampleEvents.AT.plusSeconds(600),
        null,
        null);
  }
}
