package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldRefuseToStartWithoutAKey() {
    assertThatThrownBy(() -> SigningKeys.signerFor(null, codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.security.action-signing-key")
        .hasMessageContaining("SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY")
        .hasMessageContaining("is not set");
  }

  @Test
  void shouldRefuseAShortKeyWithoutRepeatingIt() {
    assertThatThrownBy(() -> SigningKeys.signerFor("short-secret", codec))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("is 12 bytes long; it must be at least 32")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void shouldVerifyWhatTheGuardrailSignedWithTheSameKey() {
    var signer = SigningKeys.signerFor(Requests.KEY, codec);

    assertThat(signer.verifies(Requests.lookup("g-1", "ACME"))).isTrue();
    assertThat(new SecurityProperties(Requests.KEY).toString()).doesNotContain(Requests.KEY);
  }
}
