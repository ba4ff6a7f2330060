package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EscalationIdsTest {

  @Test
  void shouldNameTheGoalAndStayTheSameForTheSameSeed() {
    String id = EscalationIds.of("goal-42", "approval", "goal-42/step-2");

    assertThat(id).startsWith("goal-42~approval-").hasSize("goal-42~approval-".length() + 36);
    assertThat(EscalationIds.of("goal-42", "approval", "goal-42/step-2")).isEqualTo(id);
    assertThat(EscalationIds.of("goal-42", "approval", "goal-42/step-3")).isNotEqualTo(id);
    assertThat(EscalationIds.goalIdOf(id)).contains("goal-42");
  }

  @Test
  void shouldBeSafeInAUrlPathAsItIs() {
    String id = EscalationIds.of("a.b_c:d-e", "question", "any/seed with spaces");

    assertThat(URI.create("http://inbox/inbox/" + id).getPath()).isEqualTo("/inbox/" + id);
    assertThat(EscalationIds.goalIdOf(id)).contains("a.b_c:d-e");
  }

  @Test
  void shouldFindNoGoalInIdsMadeOtherwise() {
    assertThat(EscalationIds.goalIdOf("0b6f1f7e-5d1a-4b7e-9a43-2d6c2b8f0a11")).isEmpty();
    assertThat(EscalationIds.goalIdOf("g-1/question-1")).isEmpty();
    assertThat(EscalationIds.goalIdOf("~approval-0b6f1f7e-5d1a-4b7e-9a43-2d6c2b8f0a11")).isEmpty();
    assertThat(EscalationIds.goalIdOf("g 1~approval-0b6f1f7e-5d1a-4b7e-9a43-2d6c2b8f0a11"))
        .isEmpty();
    assertThat(EscalationIds.goalIdOf("g-1~approval")).isEmpty();
    assertThat(EscalationIds.goalIdOf(null)).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotAGoalIdOrAKind() {
    assertThatThrownBy(() -> EscalationIds.of("g/1", "approval", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EscalationIds.of("g-1", "Approval!", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
