package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.PlannedAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ActionKeySettingsTest {
  private static final String KEY = "a-shared-signing-key-of-at-least-32-bytes";
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldRefuseAMissingKeyNamingThePropertyAndVariable() {
    assertThatThrownBy(() -> new ActionKeySettings(null, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.security.action-signing-key")
        .hasMessageContaining("SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY");
    assertThatThrownBy(() -> new ActionKeySettings("  ", null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void shouldRefuseAShortKeyWithoutPrintingIt() {
    String shortKey = "short-secret-123";

    assertThatThrownBy(() -> new ActionKeySettings(shortKey, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("shorter than 32 bytes")
        .message()
        .doesNotContain(shortKey);
  }

  @Test
  void shouldSignWhatASignerWithTheSameKeyVerifies() {
    ActionSigner guardrail = new ActionKeySettings(KEY, null).actionSigner(codec);
    ActionSigner executor = new ActionKeySettings(KEY, null).actionSigner(codec);
    ActionSigner stranger = new ActionKeySettings(KEY + "-other", null).actionSigner(codec);
    ActionRequested request =
        guardrail.sign(
            new ActionRequested(
                "g-1",
                UUID.randomUUID(),
                null,
                Instant.now(),
                new PlannedAction("g-1/step-1", "demo.lookup", null, List.of(), false, null),
                null,
                Instant.now().plusSeconds(60),
                null,
                null));

    assertThat(executor.verifies(request)).isTrue();
    assertThat(stranger.verifies(request)).isFalse();
  }

  @Test
  void shouldNameTheKeyByConfigurationOrByItsHash() {
    assertThat(new ActionKeySettings(KEY, "guardrail-1").actionSigner(codec).keyId())
        .isEqualTo("guardrail-1");
    assertThat(new ActionKeySettings(KEY, " ").actionSigner(codec).keyId())
        .isEqualTo(
            ActionSigner.defaultKeyId(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> new ActionKeySettings(KEY, "has spaces").actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("action-signing-key-id")
        .message()
        .doesNotContain(KEY);
  }

  @Test
  void shouldKeepTheKeyOutOfToString() {
    assertThat(new ActionKeySettings(KEY, null).toString()).doesNotContain(KEY).contains("hidden");
  }

  @Test
  void shouldExplainABadSettingAtStartUp() {
    FailureAnalysis analysis =
        new InvalidConfigurationFailureAnalyzer()
            .analyze(
                new IllegalStateException(new InvalidConfigurationException("key is not set")));

    assertThat(analysis.getDescription()).isEqualTo("key is not set");
    assertThat(analysis.getAction()).contains("Set the property");
  }

  @Test
  void shouldVerifyWithEveryConfiguredKeyAndSignWithTheNamedOne() throws Exception {
    String oldKey = "the-old-action-key-of-at-least-32-bytes";
    String newKey = "the-new-action-key-of-at-least-32-bytes";
    java.nio.file.Path file = java.nio.file.Files.createTempFile("action-keys", ".properties");
    java.nio.file.Files.writeString(file, "# rotated quarterly\n2026-04=" + newKey + "\n\n");
    ActionSigner old =
        new ActionKeySettings(null, "2026-01=" + oldKey, null, null).actionSigner(codec);
    ActionSigner rotating =
        new ActionKeySettings(KEY, "2026-01=" + oldKey, file.toString(), "2026-04")
            .actionSigner(codec);
    ActionSigner onlyNew =
        new ActionKeySettings(null, null, file.toString(), null).actionSigner(codec);

    ActionRequested signedByOld = old.sign(request());
    ActionRequested signedByRotating = rotating.sign(request());

    assertThat(rotating.keyId()).isEqualTo("2026-04");
    assertThat(rotating.verifies(signedByOld)).isTrue();
    assertThat(onlyNew.verifies(signedByRotating)).isTrue();
    assertThat(old.verifies(signedByRotating)).isFalse();
    assertThat(new ActionKeySettings(KEY).actionKeyRing().keyIds())
        .containsExactly(
            ActionSigner.defaultKeyId(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void shouldExplainABadKeySettingWithoutPrintingAnySecret() {
    String secret = "a-perfectly-long-secret-of-at-least-32-bytes";

    assertThatThrownBy(
            () -> new ActionKeySettings(KEY, "k1=" + secret, null, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("say which one signs")
        .message()
        .doesNotContain(secret)
        .doesNotContain(KEY);
    assertThatThrownBy(() -> new ActionKeySettings(null, secret, null, null).actionSigner(codec))
        .hasMessageContaining("not id=secret")
        .message()
        .doesNotContain(secret);
    assertThatThrownBy(
            () -> new ActionKeySettings(null, "k1=short", null, null).actionSigner(codec))
        .hasMessageContaining("'k1' must be at least 32 bytes")
        .message()
        .doesNotContain("short,");
    assertThatThrownBy(
            () -> new ActionKeySettings(null, null, "/no/such/keys", null).actionSigner(codec))
        .hasMessageContaining("/no/such/keys cannot be read");
    assertThat(new ActionKeySettings(null, "k1=" + secret, null, "k1").toString())
        .doesNotContain(secret);
  }

  private static ActionRequested request() {
    return new ActionRequested(
        "g-1",
        UUID.randomUUID(),
        null,
        Instant.now(),
        new PlannedAction("g-1/step-1", "demo.lookup", null, List.of(), false, null),
        null,
        Instant.now().plusSeconds(60),
        null,
        null);
  }
}
