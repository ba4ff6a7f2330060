package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Which tools run outright, which wait for a person, and who may approve. A tool on neither list is
 * denied; a tool on both waits for approval.
 */
public final class GuardrailPolicy {
  static final String READ_ONLY_TOOLS = "read-only-tools";
  static final String OUTBOUND_COMMUNICATION = "outbound-communication";
  static final String KNOWN_TOOLS = "known-tools";

  private final Set<String> readOnlyTools;
  private final Set<String> approvalRequiredTools;
  private final Set<String> approvers;
  private final String approvalQueue;
  private final ApprovalTerms approvalTerms;

  /** Who may approve, and by when, on top of the queue the inbox checks. */
  public record ApprovalTerms(boolean fourEyes, String approverRole, Duration sla) {
    static final ApprovalTerms FOUR_EYES = new ApprovalTerms(true, null, null);
  }

  public GuardrailPolicy(
      Collection<String> readOnlyTools,
      Collection<String> approvalRequiredTools,
      Collection<String> approvers,
      String approvalQueue) {
    this(readOnlyTools, approvalRequiredTools, approvers, approvalQueue, ApprovalTerms.FOUR_EYES);
  }

  public GuardrailPolicy(
      Collection<String> readOnlyTools,
      Collection<String> approvalRequiredTools,
      Collection<String> approvers,
      String approvalQueue,
      ApprovalTerms approvalTerms) {
    this.readOnlyTools = Set.copyOf(readOnlyTools);
    this.approvalRequiredTools = Set.copyOf(approvalRequiredTools);
    this.approvers = Set.copyOf(approvers);
    this.approvalQueue = approvalQueue;
    this.approvalTerms = approvalTerms;
  }

  public static GuardrailPolicy of(GuardrailProperties properties) {
    return new GuardrailPolicy(
        properties.readOnlyTools(),
        properties.approvalRequiredTools(),
        properties.approvers(),
        properties.approvalQueue(),
        new ApprovalTerms(
            properties.fourEyes(), properties.approverRole(), properties.approvalSla()));
  }

  public String approvalQueue() {
    return approvalQueue;
  }

  public ApprovalTerms approvalTerms() {
    return approvalTerms;
  }

  public GuardrailDecision evaluate(PlannedAction action) {
    String tool = action.tool();
    if (approvalRequiredTools.contains(tool)) {
      return new GuardrailDecision.Escalate(
          OUTBOUND_COMMUNICATION,
          "tool '" + tool + "' acts on the outside world and needs a person's approval",
          approvalQueue);
    }
    if (readOnlyTools.contains(tool)) {
      return new GuardrailDecision.Allow(READ_ONLY_TOOLS);
    }
    return new GuardrailDecision.Deny(KNOWN_TOOLS, "tool '" + tool + "' is not allowed");
  }

  /** An empty approver list leaves the choice to the inbox's roles and the approval terms. */
  public boolean mayApprove(String actor) {
    return approvers.isEmpty() || approvers.contains(actor);
  }
}
