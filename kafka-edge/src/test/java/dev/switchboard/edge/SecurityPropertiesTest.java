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

class SecurityPropertiesTest {
  private static final String KEY = "a-shared-signing-key-of-at-least-32-bytes";
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldRefuseAMissingKeyNamingThePropertyAndVariable() {
    assertThatThrownBy(() -> new SecurityProperties(null, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.security.action-signing-key")
        .hasMessageContaining("SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY");
    assertThatThrownBy(() -> new SecurityProperties("  ", null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void shouldRefuseAShortKeyWithoutPrintingIt() {
    String shortKey = "short-secret-123";

    assertThatThrownBy(() -> new SecurityProperties(shortKey, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("shorter than 32 bytes")
        .message()
        .doesNotContain(shortKey);
  }

  @Test
  void shouldSignWhatASignerWithTheSameKeyVerifies() {
    ActionSigner guardrail = new SecurityProperties(KEY, null).actionSigner(codec);
    ActionSigner executor = new SecurityProperties(KEY, null).actionSigner(codec);
    ActionSigner stranger = new SecurityProperties(KEY + "-other", null).actionSigner(codec);
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
    assertThat(new SecurityProperties(KEY, "guardrail-1").actionSigner(codec).keyId())
        .isEqualTo("guardrail-1");
    assertThat(new SecurityProperties(KEY, " ").actionSigner(codec).keyId())
        .isEqualTo(
            ActionSigner.defaultKeyId(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> new SecurityProperties(KEY, "has spaces").actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("action-signing-key-id")
        .message()
        .doesNotContain(KEY);
  }

  @Test
  void shouldKeepTheKeyOutOfToString() {
    assertThat(new SecurityProperties(KEY, null).toString()).doesNotContain(KEY).contains("hidden");
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
        new SecurityProperties(null, "2026-01=" + oldKey, null, null).actionSigner(codec);
    ActionSigner rotating =
        new SecurityProperties(KEY, "2026-01=" + oldKey, file.toString(), "2026-04")
            .actionSigner(codec);
    ActionSigner onlyNew =
        new SecurityProperties(null, null, file.toString(), null).actionSigner(codec);

    ActionRequested signedByOld = old.sign(request());
    ActionRequested signedByRotating = rotating.sign(request());

    assertThat(rotating.keyId()).isEqualTo("2026-04");
    assertThat(rotating.verifies(signedByOld)).isTrue();
    assertThat(onlyNew.verifies(signedByRotating)).isTrue();
    assertThat(old.verifies(signedByRotating)).isFalse();
    assertThat(new SecurityProperties(KEY).actionKeyRing().keyIds())
        .containsExactly(
            ActionSigner.defaultKeyId(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void shouldExplainABadKeySettingWithoutPrintingAnySecret() {
    String secret = "a-perfectly-long-secret-of-at-least-32-bytes";

    assertThatThrownBy(
            () -> new SecurityProperties(KEY, "k1=" + secret, null, null).actionSigner(codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("say which one signs")
        .message()
        .doesNotContain(secret)
        .doesNotContain(KEY);
    assertThatThrownBy(() -> new SecurityProperties(null, secret, null, null).actionSigner(codec))
        .hasMessageContaining("not id=secret")
        .message()
        .doesNotContain(secret);
    assertThatThrownBy(
            () -> new SecurityProperties(null, "k1=short", null, null).actionSigner(codec))
        .hasMessageContaining("'k1' must be at least 32 bytes")
        .message()
        .doesNotContain("short,");
    assertThatThrownBy(
            () -> new SecurityProperties(null, null, "/no/such/keys", null).actionSigner(codec))
        .hasMessageContaining("/no/such/keys cannot be read");
    assertThat(new SecurityProperties(null, "k1=" + secret, null, "k1").toString())
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
