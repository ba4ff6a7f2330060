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
}
