package dev.switchboard.guardrail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy settings of the guardrail ({@code switchboard.guardrail.*}).
 *
 * @param readOnlyTools tools allowed outright: they only read
 * @param approvalRequiredTools tools that change the outside world and wait for a person's approval
 * @param approvers if not empty, only these actors may approve or edit (names as the handoff inbox
 *     writes them); empty: whoever the inbox let approve, subject to the checks below
 * @param approvalQueue where approval requests go, e.g. {@code human:approvers}
 * @param fourEyes whether a goal's requester is kept from approving its actions (default true)
 * @param approverRole a role an approver must hold (checked by the inbox and again here); null: any
 *     person who may work the approval queue
 * @param approvalSla how long a person has to answer; null: the inbox's default
 */
@ConfigurationProperties("switchboard.guardrail")
public record GuardrailProperties(
    List<String> readOnlyTools,
    List<String> approvalRequiredTools,
    List<String> approvers,
    String approvalQueue,
    Boolean fourEyes,
    String approverRole,
    Duration approvalSla) {

  public GuardrailProperties {
    readOnlyTools = readOnlyTools == null ? List.of("demo.lookup") : List.copyOf(readOnlyTools);
    approvalRequiredTools =
        approvalRequiredTools == null ? List.of("demo.send") : List.copyOf(approvalRequiredTools);
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    approvalQueue =
        approvalQueue == null || approvalQueue.isBlank() ? "human:approvers" : approvalQueue;
    fourEyes = fourEyes == null || fourEyes;
    approverRole = approverRole == null || approverRole.isBlank() ? null : approverRole.strip();
  }

  /** The defaults, as if nothing were configured. */
  public static GuardrailProperties defaults() {
    return new GuardrailProperties(null, null, null, null, null, null, null);
  }
}
