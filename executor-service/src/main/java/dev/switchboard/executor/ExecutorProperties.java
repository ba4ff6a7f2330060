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
 */
@ConfigurationProperties("switchboard.executor")
public record ExecutorProperties(Path outboxDir, Duration toolTimeout) {
  public ExecutorProperties {
    outboxDir =
        outboxDir != null
            ? outboxDir
            : Path.of(System.getProperty("java.io.tmpdir"), "switchboard-outbox");
    toolTimeout = toolTimeout != null ? toolTimeout : Duration.ofSeconds(30);
    if (toolTimeout.isNegative() || toolTimeout.isZero()) {
      throw new IllegalArgumentException("tool-timeout must be positive");
    }
  }
}
