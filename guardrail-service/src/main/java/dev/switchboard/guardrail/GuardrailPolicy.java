package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.PlannedAction;
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

  public GuardrailPolicy(
      Collection<String> readOnlyTools,
      Collection<String> approvalRequiredTools,
      Collection<String> approvers,
      String approvalQueue) {
    this.readOnlyTools = Set.copyOf(readOnlyTools);
    this.approvalRequiredTools = Set.copyOf(approvalRequiredTools);
    this.approvers = Set.copyOf(approvers);
    this.approvalQueue = approvalQueue;
  }

  public static GuardrailPolicy of(GuardrailProperties properties) {
    return new GuardrailPolicy(
        properties.readOnlyTools(),
        properties.approvalRequiredTools(),
        properties.approvers(),
        properties.approvalQueue());
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

  public boolean mayApprove(String actor) {
    return approvers.contains(actor);
  }
}
