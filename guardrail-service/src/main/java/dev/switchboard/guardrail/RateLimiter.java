package dev.switchboard.guardrail;

import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicyInput;
import dev.switchboard.policy.PolicyRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate check before policy: at most so many allowed actions per tool, agent or tenant in a
 * sliding window, counted across goals by {@link RateUsageTopology}. The count is read from a store
 * that trails the decisions by a commit or two, so a burst can overshoot a limit by the actions
 * allowed in that moment; actions allowed earlier in the same proposal are added exactly.
 */
final class RateLimiter {
  static final String RULE = "rate-limit";
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private static final Set<String> SCOPES = Set.of("tool", "agent", "tenant");

  private final List<GuardrailProperties.RateLimit> limits;
  private final Duration bucket;
  private final RateUsage usage;

  RateLimiter(GuardrailProperties.RateLimits config, RateUsage usage) {
    this.limits = validated(config);
    this.bucket = config.bucket();
    this.usage = usage;
  }

  boolean enabled() {
    return !limits.isEmpty();
  }

  /** The longest window of any limit: how long counts must be kept. */
  Duration longestWindow() {
    return limits.stream()
        .map(GuardrailProperties.RateLimit::per)
        .max(Duration::compareTo)
        .orElse(bucket);
  }

  /**
   * A denial when allowing the action would exceed a limit.
   *
   * @param allowedMeanwhile usage keys of actions allowed since the counts were read (earlier in
   *     the same proposal), with how many
   */
  Optional<PolicyDecision> check(PolicyInput input, Map<String, Long> allowedMeanwhile) {
    for (GuardrailProperties.RateLimit limit : limits) {
      String name = nameIn(limit.scope(), input);
      if (name.isEmpty() || !(limit.name().equals("*") || limit.name().equals(name))) {
        continue;
      }
      String key = RateUsage.key(limit.scope(), name);
      Instant now = input.now();
      OptionalLong counted = usage.count(key, now.minus(limit.per()), now);
      if (counted.isEmpty()) {
        // The counters are briefly unreadable (a rebalance): the policy still decides, unlimited.
        log.warn(
            "rate usage of {} cannot be read now; the limit is not applied to this action", key);
        continue;
      }
      long used = counted.getAsLong() + allowedMeanwhile.getOrDefault(key, 0L);
      if (used >= limit.max()) {
        return Optional.of(
            new PolicyDecision.Deny(
                RULE,
                "rate limit reached: at most "
                    + limit.max()
                    + " actions per "
                    + limit.per()
                    + " for "
                    + limit.scope()
                    + " '"
                    + name
                    + "' ("
                    + used
                    + " so far)",
                PolicyRef.BUILT_IN));
      }
    }
    return Optional.empty();
  }

  private static String nameIn(String scope, PolicyInput input) {
    return switch (scope) {
      case "tool" -> input.tool().name();
      case "agent" -> input.agent().name();
      default -> input.goal().tenant();
    };
  }

  private static List<GuardrailProperties.RateLimit> validated(
      GuardrailProperties.RateLimits config) {
    Duration bucket = config.bucket();
    if (bucket.isNegative() || bucket.isZero()) {
      throw new InvalidConfigurationException(
          "switchboard.guardrail.rate-limits.bucket must be positive, not " + bucket);
    }
    for (int i = 0; i < config.limits().size(); i++) {
      GuardrailProperties.RateLimit limit = config.limits().get(i);
      String where = "switchboard.guardrail.rate-limits.limits[" + i + "]";
      if (limit.scope() == null || !SCOPES.contains(limit.scope())) {
        throw new InvalidConfigurationException(
            where + ".scope must be tool, agent or tenant, not " + limit.scope());
      }
      if (limit.name() == null || limit.name().isBlank()) {
        throw new InvalidConfigurationException(where + ".name is required (or * for each)");
      }
      if (limit.max() == null || limit.max() < 1) {
        throw new InvalidConfigurationException(where + ".max must be at least 1");
      }
      if (limit.per() == null
          || limit.per().compareTo(bucket) < 0
          || limit.per().toMillis() % bucket.toMillis() != 0) {
        throw new InvalidConfigurationException(
            where + ".per must be a whole number of buckets (" + bucket + "), not " + limit.per());
      }
    }
    return List.copyOf(config.limits());
  }
}
