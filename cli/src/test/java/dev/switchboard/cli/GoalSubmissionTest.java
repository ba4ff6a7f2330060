package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoalSubmissionTest {
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldTreatPlainTextAsTheDescription() {
    GoalSubmitted goal = GoalSubmission.parse("  Tell ACME about pricing ", "demo", codec);

    assertThat(goal.description()).isEqualTo("Tell ACME about pricing");
    assertThat(goal.agent()).isEqualTo("demo");
    assertThat(goal.inputs()).isEmpty();
    assertThat(UUID.fromString(goal.goalId())).isNotNull();
  }

  @Test
  void shouldReadJsonAsAGoalBodyWithoutType() {
    GoalSubmitted goal =
        GoalSubmission.parse(
            """
            {"goalId":"g-7","agent":"sdr","description":"Tell ACME","inputs":{"account":"ACME"}}""",
            null,
            codec);

    assertThat(goal.goalId()).isEqualTo("g-7");
    assertThat(goal.agent()).isEqualTo("sdr");
    assertThat(goal.inputs()).isEqualTo(Map.of("account", "ACME"));
    assertThat(goal.eventId()).isNotNull();
    assertThat(goal.occurredAt()).isNotNull();
  }

  @Test
  void shouldGenerateAGoalIdWhenTheJsonHasNone() {
    GoalSubmitted first = GoalSubmission.parse("{\"description\":\"d\"}", null, codec);
    GoalSubmitted second = GoalSubmission.parse("{\"description\":\"d\"}", null, codec);

    assertThat(first.goalId()).isNotBlank().isNotEqualTo(second.goalId());
  }

  @Test
  void shouldLetTheAgentOptionWinOverTheJson() {
    GoalSubmitted goal =
        GoalSubmission.parse("{\"agent\":\"sdr\",\"description\":\"d\"}", "demo", codec);

    assertThat(goal.agent()).isEqualTo("demo");
  }

  @Test
  void shouldAcceptAnExplicitGoalSubmittedType() {
    GoalSubmitted goal =
        GoalSubmission.parse("{\"type\":\"GoalSubmitted\",\"description\":\"d\"}", null, codec);

    assertThat(goal.description()).isEqualTo("d");
  }

  @Test
  void shouldRefuseOtherEventTypes() {
    assertThatThrownBy(
            () ->
                GoalSubmission.parse("{\"type\":\"GoalCancelled\",\"goalId\":\"g\"}", null, codec))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("only GoalSubmitted");
  }

  @Test
  void shouldExplainJsonThatIsNotAGoal() {
    assertThatThrownBy(() -> GoalSubmission.parse("{\"inputs\":{}}", null, codec))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("description");
    assertThatThrownBy(() -> GoalSubmission.parse("{\"description\": 5", null, codec))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("the goal is not valid JSON")
        .hasMessageNotContaining("Source");
    assertThatThrownBy(() -> GoalSubmission.parse("   ", null, codec))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldMakeTheSignedInUserTheRequesterWhateverTheJsonDeclares() {
    EventCodec codec = new EventCodec();

    assertThat(GoalSubmission.parse("Say hi", null, "carol", codec).requestedBy())
        .isEqualTo("carol");
    assertThat(
            GoalSubmission.parse(
                    "{\"description\":\"x\",\"requestedBy\":\"mallory\"}", null, "carol", codec)
                .requestedBy())
        .isEqualTo("carol");
    assertThat(
            GoalSubmission.parse(
                    "{\"description\":\"x\",\"requestedBy\":\"dan\"}", null, null, codec)
                .requestedBy())
        .isEqualTo("dan");
    assertThat(GoalSubmission.parse("Say hi", null, null, codec).requestedBy()).isNull();
  }
}
