package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ActionSigningTest {
  private static final String SHORT_KEY = "short-secret-do-not-print";

  @Test
  void shouldRefuseToStartWithoutAKey() {
    assertThatThrownBy(() -> ActionSigning.signer(null, new EventCodec()))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("switchboard.security.action-signing-key is not set");
    assertThatThrownBy(() -> ActionSigning.signer("  ", new EventCodec()))
        .isInstanceOf(SigningKeyException.class);
  }

  @Test
  void shouldRefuseAShortKeyWithoutRevealingIt() {
    assertThatThrownBy(() -> ActionSigning.signer(SHORT_KEY, new EventCodec()))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("shorter than 32 bytes")
        .message()
        .doesNotContain(SHORT_KEY);
  }

  @Test
  void shouldExplainHowToFixTheKeyWhenStartUpFails() {
    FailureAnalysis analysis =
        new SigningKeyFailureAnalyzer()
            .analyze(new IllegalStateException(new SigningKeyException("key is not set")));

    assertThat(analysis.getDescription()).isEqualTo("key is not set");
    assertThat(analysis.getAction()).contains("SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY");
  }

  @Test
  void shouldKeepTheKeyOutOfThePropertiesToString() {
    assertThat(new SigningProperties("a-very-secret-signing-key-of-32-bytes!").toString())
        .doesNotContain("secret");
  }
}
