package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.PlannedAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApproversTest {
  private static final PlannedAction SEND =
      Fixtures.action("g/s", "email.send", "{\"to\":\"a\",\"subject\":\"s\",\"body\":\"b\"}");
  private static final GoalContext BY_ALICE =
      new GoalContext("acme", "alice", Map.of(), Instant.EPOCH);

  private final Approvers approvers =
      new Approvers(
          List.of("local-operator", "alice"), Map.of("sales-approver", List.of("bob", "alice")));

  @Test
  void shouldLetTheConfiguredApproversDecideWhenNoRoleIsNamed() {
    PendingApproval pending = pending(null, false);

    assertThat(approvers.refusal("local-operator", pending, BY_ALICE)).isNull();
    assertThat(approvers.refusal("bob", pending, BY_ALICE)).isEqualTo("'bob' is not an approver");
  }

  @Test
  void shouldLetOnlyHoldersOfTheNamedRoleDecide() {
    PendingApproval pending = pending("sales-approver", false);

    assertThat(approvers.refusal("bob", pending, BY_ALICE)).isNull();
    assertThat(approvers.refusal("local-operator", pending, BY_ALICE))
        .isEqualTo("'local-operator' does not hold the approver role 'sales-approver'");
  }

  @Test
  void shouldKeepTheRequesterFromApprovingUnderFourEyes() {
    assertThat(approvers.refusal("alice", pending("sales-approver", true), BY_ALICE))
        .contains("four-eyes");
    assertThat(approvers.refusal("alice", pending("sales-approver", false), BY_ALICE)).isNull();
    assertThat(approvers.refusal("bob", pending("sales-approver", true), BY_ALICE)).isNull();
  }

  @Test
  void shouldFallBackToTheApproversForARoleNobodyHolds() {
    assertThat(approvers.refusal("local-operator", pending("unheard-of", false), BY_ALICE))
        .isNull();
    assertThat(approvers.refusal("bob", pending("unheard-of", false), BY_ALICE))
        .isEqualTo("'bob' is not an approver");
  }

  private static PendingApproval pending(String role, boolean fourEyes) {
    return new PendingApproval("sdr", SEND, role, fourEyes, "p", "1", "r", "h");
  }
}
