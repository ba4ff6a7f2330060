package dev.switchboard.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.retention.*}: how long a goal a service is done with ({@link
 * Decision#goalEnded()}) stays in its store.
 *
 * @param endedGoals its full state stays this long after it ended (late events still see it)
 * @param tombstones then a tombstone stays this long, skipping the goal's later events (a re-sent
 *     {@code GoalSubmitted} does not start it again); after it the key is gone
 */
@ConfigurationProperties("switchboard.retention")
public record RetentionProperties(Duration endedGoals, Duration tombstones) {
  public RetentionProperties {
    endedGoals = positive(endedGoals, Duration.ofHours(1), "ended-goals");
    tombstones = positive(tombstones, Duration.ofDays(1), "tombstones");
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration chosen = value == null ? fallback : value;
    if (chosen.isNegative() || chosen.isZero()) {
      throw new InvalidConfigurationException(
          "switchboard.retention." + name + " must be positive");
    }
    return chosen;
  }
}
