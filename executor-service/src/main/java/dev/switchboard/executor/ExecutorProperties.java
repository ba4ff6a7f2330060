package dev.switchboard.executor;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.executor.*}
 *
 * @param outboxDir where {@code demo.send} writes {@code outbox.jsonl}
 * @param toolTimeout how long a tool call may take before its outcome counts as unknown (a
 *     side-effecting tool) or failed (a read-only one)
 * @param testDelay TEST ONLY: slow answers of one tool for marked goals; off by default
 */
@ConfigurationProperties("switchboard.executor")
public record ExecutorProperties(
    Path outboxDir, Duration toolTimeout, TestDelaySettings testDelay) {

  /** {@code switchboard.executor.test-delay.*}: see {@link TestDelay}. */
  public record TestDelaySettings(String goalIdMarker, String tool, Duration duration) {}

  public ExecutorProperties {
    outboxDir =
        outboxDir != null
            ? outboxDir
            : Path.of(System.getProperty("java.io.tmpdir"), "switchboard-outbox");
    toolTimeout = toolTimeout != null ? toolTimeout : Duration.ofSeconds(30);
    if (toolTimeout.isNegative() || toolTimeout.isZero()) {
      throw new IllegalArgumentException("tool-timeout must be positive");
    }
    testDelay = testDelay == null ? new TestDelaySettings(null, null, null) : testDelay;
  }

  TestDelay delay() {
    return new TestDelay(testDelay.goalIdMarker(), testDelay.tool(), testDelay.duration());
  }
}
