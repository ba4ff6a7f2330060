package dev.switchboard.guardrail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy settings of the guardrail ({@code switchboard.guardrail.*}).
 *
 * @param readOnlyTools tools allowed outright: they only read
 * @param approvalRequiredTools tools that change the outside world and wait for a person's approval
 * @param approvers who may approve (the actor names the handoff inbox writes on resolutions)
 * @param approvalQueue where approval requests go, e.g. {@code human:approvers}
 * @param actionRequestTtl how long a signed request stays runnable; the executor answers a later
 *     one with {@code ActionFailed} and runs nothing
 */
@ConfigurationProperties("switchboard.guardrail")
public record GuardrailProperties(
    List<String> readOnlyTools,
    List<String> approvalRequiredTools,
    List<String> approvers,
    String approvalQueue,
    Duration actionRequestTtl) {
  public static final Duration DEFAULT_ACTION_REQUEST_TTL = Duration.ofMinutes(10);

  public GuardrailProperties {
    readOnlyTools = readOnlyTools == null ? List.of("demo.lookup") : List.copyOf(readOnlyTools);
    approvalRequiredTools =
        approvalRequiredTools == null ? List.of("demo.send") : List.copyOf(approvalRequiredTools);
    approvers = approvers == null ? List.of("local-operator") : List.copyOf(approvers);
    approvalQueue =
        approvalQueue == null || approvalQueue.isBlank() ? "human:approvers" : approvalQueue;
    actionRequestTtl = actionRequestTtl == null ? DEFAULT_ACTION_REQUEST_TTL : actionRequestTtl;
    if (actionRequestTtl.isNegative() || actionRequestTtl.isZero()) {
      throw new IllegalArgumentException(
          "switchboard.guardrail.action-request-ttl must be positive");
    }
  }

  /** The defaults, as if nothing were configured. */
  public static GuardrailProperties defaults() {
    return new GuardrailProperties(null, null, null, null, null);
  }
}
