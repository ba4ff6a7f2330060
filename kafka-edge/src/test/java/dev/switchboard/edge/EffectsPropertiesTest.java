package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void shouldHaltOnlyWhereATestArmedItAndOnlyOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("halt");
    TestHalt halt = new TestHalt(null, null, file);

    // Not armed, or armed for another point or target: nothing happens (the test goes on).
    halt.at(TestHalt.Point.AFTER_CALL, "demo.send", "e-1");
    Files.writeString(file, "before-start demo.send");
    halt.at(TestHalt.Point.AFTER_CALL, "demo.send", "e-1");
    halt.at(TestHalt.Point.BEFORE_START, "demo.lookup", "e-1");

    assertThat(file).exists();
  }

  private static EffectsProperties properties(
      Duration grace, Duration transactionTimeout, String haltAt) {
    return new EffectsProperties(
        null, grace, null, null, transactionTimeout, null, null, null, null, haltAt, null, null);
  }
}
