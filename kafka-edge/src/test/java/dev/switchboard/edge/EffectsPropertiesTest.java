package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EffectsPropertiesTest {

  @Test
  void shouldHaveDefaultsThatKeepTheDeadlineAfterAnyCommittedResult() {
    EffectsProperties defaults = properties(null, null, null);

    assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.deadlineGrace()).isGreaterThan(defaults.transactionTimeout());
    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.bulkhead().maxConcurrentFor("demo.send")).isEqualTo(16);
    assertThat(defaults.testHalt()).isEqualTo(TestHalt.NEVER);
  }

  @Test
  void shouldRefuseAGraceNoLongerThanTheTransactionTimeout() {
    assertThatThrownBy(() -> properties(Duration.ofSeconds(10), Duration.ofSeconds(10), null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.effects.deadline-grace")
        .hasMessageContaining("transaction-timeout");
  }

  @Test
  void shouldReadTheTestHaltPointAndRefuseUnknownOnes() {
    assertThat(properties(null, null, "after-call").testHalt().point())
        .isEqualTo(TestHalt.Point.AFTER_CALL);
    assertThatThrownBy(() -> properties(null, null, "sometime"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("before-start, before-call or after-call");
  }

  private static EffectsProperties properties(
      Duration grace, Duration transactionTimeout, String haltAt) {
    return new EffectsProperties(
        null, grace, null, null, transactionTimeout, null, null, null, null, haltAt, null);
  }
}
