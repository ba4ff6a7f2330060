package dev.switchboard.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class OperatorTokenTest {
  private static final String SECRET = "operator-token-for-tests";
  private final OperatorToken token = OperatorToken.of(SECRET);

  @Test
  void shouldAdmitTheOperatorsBearerToken() {
    assertThat(token.check("Bearer " + SECRET)).isEqualTo(OperatorToken.Verdict.ADMITTED);
    assertThat(token.check("bearer  " + SECRET + " ")).isEqualTo(OperatorToken.Verdict.ADMITTED);
  }

  @Test
  void shouldRefuseAWrongToken() {
    assertThat(token.check("Bearer " + SECRET + "x")).isEqualTo(OperatorToken.Verdict.WRONG);
    assertThat(token.check("Bearer " + SECRET.substring(1))).isEqualTo(OperatorToken.Verdict.WRONG);
    assertThat(token.check("Bearer ")).isEqualTo(OperatorToken.Verdict.WRONG);
  }

  @Test
  void shouldRefuseAMissingTokenOrAnotherScheme() {
    assertThat(token.check(null)).isEqualTo(OperatorToken.Verdict.MISSING);
    assertThat(token.check("Basic b3BlcmF0b3I6c2VjcmV0")).isEqualTo(OperatorToken.Verdict.MISSING);
    assertThat(token.check(SECRET)).isEqualTo(OperatorToken.Verdict.MISSING);
  }

  @Test
  void shouldRefuseToStartWithoutAToken() {
    assertThatThrownBy(() -> OperatorToken.of(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.handoff.operator-token")
        .hasMessageContaining("SWITCHBOARD_HANDOFF_OPERATOR_TOKEN")
        .hasMessageContaining("is not set");
    assertThatThrownBy(() -> OperatorToken.of("  "))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void shouldRefuseAShortTokenWithoutRepeatingIt() {
    assertThatThrownBy(() -> OperatorToken.of("letmein"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("is 7 characters long; it must be at least 16")
        .hasMessageNotContaining("letmein");
  }

  @Test
  void shouldNeverShowTheToken() {
    assertThat(token.toString()).doesNotContain(SECRET);
    assertThat(new HandoffProperties(SECRET, null).toString())
        .doesNotContain(SECRET)
        .contains("operatorName=local-operator");
  }
}
