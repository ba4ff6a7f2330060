package dev.switchboard.guardrail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the guardrail ({@code switchboard.guardrail.*}). Every default is here, not in {@code
 * application.yml}, so the service behaves the same wherever it is started from.
 *
 * @param policy where the policy files are and how often they are checked for changes
 * @param facts tool and agent facts ({@code classpath:} or files) until the catalogs are wired;
 *     later files add to and override earlier ones
 * @param approvers who may approve an escalation that names no approver role
 * @param approverRoles who holds each approver role a policy can name
 * @param approvalQueue where escalations go when their rule names no queue
 * @param taint which tools return content the goal cannot vouch for
 * @param rateLimits limits per tool, agent and tenant across goals
 * @param actionRequestTtl how long a signed request stays runnable; the executor answers a later
 *     one with {@code ActionFailed} and runs nothing
 */
@ConfigurationProperties("switchboard.guardrail")
public record GuardrailProperties(
    Policy policy,
    List<String> facts,
    List<String> approvers,
    Map<String, List<String>> approverRoles,
    String approvalQueue,
    Taint taint,
    RateLimits rateLimits,
    Duration actionRequestTtl) {

  public static final String DEFAULT_POLICY = "classpath:policies/default-policy.yaml";
  public static final String DEFAULT_FACTS = "classpath:policies/catalog-facts.yaml";
  public static final Duration DEFAULT_ACTION_REQUEST_TTL = Duration.ofMinutes(10);

  public GuardrailProperties {
    policy = policy == null ? new Policy(null, null) : policy;
    facts = facts == null || facts.isEmpty() ? List.of(DEFAULT_FACTS) : List.copyOf(facts);
    approvers = approvers == null ? List.of("local-operator") : List.copyOf(approvers);
    approverRoles = approverRoles == null ? Map.of() : Map.copyOf(approverRoles);
    approvalQueue =
        approvalQueue == null || approvalQueue.isBlank() ? "human:approvers" : approvalQueue;
    taint = taint == null ? new Taint(null, null, null) : taint;
    rateLimits = rateLimits == null ? new RateLimits(null, null) : rateLimits;
    actionRequestTtl = actionRequestTtl == null ? DEFAULT_ACTION_REQUEST_TTL : actionRequestTtl;
    if (actionRequestTtl.isNegative() || actionRequestTtl.isZero()) {
      throw new IllegalArgumentException(
          "switchboard.guardrail.action-request-ttl must be positive");
    }
  }

  /** The defaults, as if nothing were configured. */
  public static GuardrailProperties defaults() {
    return new GuardrailProperties(null, null, null, null, null, null, null, null);
  }

  /**
   * @param locations policy files or directories of {@code *.yaml}, or {@code classpath:} resources
   * @param reloadInterval how often files are checked for changes; zero turns reloading off
   */
  public record Policy(List<String> locations, Duration reloadInterval) {
    public Policy {
      locations =
          locations == null || locations.isEmpty()
              ? List.of(DEFAULT_POLICY)
              : List.copyOf(locations);
      reloadInterval = reloadInterval == null ? Duration.ofSeconds(5) : reloadInterval;
    }
  }

  /**
   * @param untrustedTools tools whose results are untrusted whatever their annotations
   * @param untrustedServers tool servers whose tools' results are all untrusted
   * @param openWorldReads whether read-only open-world tools (the web, inbound mail) taint
   */
  public record Taint(
      List<String> untrustedTools, List<String> untrustedServers, Boolean openWorldReads) {
    public Taint {
      untrustedTools = untrustedTools == null ? List.of() : List.copyOf(untrustedTools);
      untrustedServers = untrustedServers == null ? List.of() : List.copyOf(untrustedServers);
      openWorldReads = openWorldReads == null || openWorldReads;
    }
  }

  /**
   * @param bucket the counting granularity; every limit's window is a whole number of buckets
   * @param limits the limits; none configured means no counting at all
   */
  public record RateLimits(Duration bucket, List<RateLimit> limits) {
    public RateLimits {
      bucket = bucket == null ? Duration.ofMinutes(1) : bucket;
      limits = limits == null ? List.of() : List.copyOf(limits);
    }
  }

  /**
   * At most {@code max} allowed actions per {@code per}, counted across goals.
   *
   * @param scope {@code tool}, {@code agent} or {@code tenant}
   * @param name the tool, agent or tenant it limits; {@code *} limits each one separately
   */
  public record RateLimit(String scope, String name, Long max, Duration per) {}
}
