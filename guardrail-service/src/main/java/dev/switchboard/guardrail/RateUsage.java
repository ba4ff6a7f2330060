package dev.switchboard.guardrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How many actions were allowed under a usage key ({@code tool|email.send}, {@code tenant|acme})
 * across all goals, as the rate counters last saw it: a slightly stale count.
 */
@FunctionalInterface
interface RateUsage {
  RateUsage NONE = (key, from, to) -> OptionalLong.of(0);

  /**
   * The allowed actions counted in the buckets from {@code from} to {@code to}, both included;
   * empty when the counters cannot be read right now.
   */
  OptionalLong count(String key, Instant from, Instant to);

  /** The usage keys an action counts under: its tool, its agent and its goal's tenant. */
  static List<String> keysOf(String tool, String agent, String tenant) {
    List<String> keys = new ArrayList<>(3);
    if (tool != null && !tool.isEmpty()) {
      keys.add(key("tool", tool));
    }
    if (agent != null && !agent.isEmpty()) {
      keys.add(key("agent", agent));
    }
    if (tenant != null && !tenant.isEmpty()) {
      keys.add(key("tenant", tenant));
    }
    return keys;
  }

  static String key(String scope, String name) {
    return scope + "|" + name;
  }
}
