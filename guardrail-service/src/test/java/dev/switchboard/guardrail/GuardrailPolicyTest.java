package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.PlannedAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailPolicyTest {
  private final GuardrailPolicy policy = GuardrailPolicy.of(GuardrailProperties.defaults());

  @Test
  void shouldAllowAReadOnlyTool() {
    assertThat(policy.evaluate(action("demo.lookup")))
        .isEqualTo(new GuardrailDecision.Allow("read-only-tools"));
  }

  @Test
  void shouldEscalateAnOutboundToolToTheApprovalQueue() {
    GuardrailDecision decision = policy.evaluate(action("demo.send"));

    assertThat(decision).isInstanceOf(GuardrailDecision.Escalate.class);
    GuardrailDecision.Escalate escalate = (GuardrailDecision.Escalate) decision;
    assertThat(escalate.policy()).isEqualTo("outbound-communication");
    assertThat(escalate.queue()).isEqualTo("human:approvers");
    assertThat(escalate.reason()).contains("demo.send").contains("approval");
  }

  @Test
  void shouldDenyAnUnknownTool() {
    assertThat(policy.evaluate(action("shell.exec")))
        .isEqualTo(new GuardrailDecision.Deny("known-tools", "tool 'shell.exec' is not allowed"));
  }

  @Test
  void shouldEscalateAToolListedBothAsReadOnlyAndAsNeedingApproval() {
    GuardrailPolicy both =
        new GuardrailPolicy(List.of("crm.update"), List.of("crm.update"), List.of(), "human:ops");

    assertThat(both.evaluate(action("crm.update"))).isInstanceOf(GuardrailDecision.Escalate.class);
  }

  @Test
  void shouldLeaveApproversToTheInboxUnlessAListIsConfigured() {
    assertThat(policy.mayApprove("anyone-the-inbox-let-in")).isTrue();
    GuardrailPolicy listed =
        new GuardrailPolicy(List.of(), List.of("demo.send"), List.of("ann"), "human:approvers");

    assertThat(listed.mayApprove("ann")).isTrue();
    assertThat(listed.mayApprove("mallory")).isFalse();
  }

  @Test
  void shouldAskForFourEyesByDefault() {
    assertThat(policy.approvalTerms())
        .isEqualTo(new GuardrailPolicy.ApprovalTerms(true, null, null));
  }

  private static PlannedAction action(String tool) {
    return new PlannedAction("g/step-1", tool, null, List.of(), false, null);
  }
}
