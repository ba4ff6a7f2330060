package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void shouldListEveryTopicOnce() {
    assertThat(Topics.ALL)
        .extracting(Topic::baseName)
        .containsExactly(
            "goals",
            "plan",
            "verdict",
            "action-request",
            "action-result",
            "escalation",
            "resolution",
            "outcome");
    assertThat(Topics.ALL).extracting(Topic::valueType).doesNotHaveDuplicates();
  }

  @Test
  void shouldCarryEveryKindOfEvent() {
    List<Class<?>> carried = Topics.ALL.stream().<Class<?>>map(Topic::valueType).toList();

    assertThat(carried).containsExactlyInAnyOrder(SwitchboardEvent.class.getPermittedSubclasses());
  }

  @Test
  void shouldGiveEveryTopicExactlyOneWriter() {
    List<Topic<?>> written = new ArrayList<>();
    for (Service service : Service.values()) {
      written.addAll(Topics.writtenBy(service));
    }

    assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.writer()).isNotNull());
    assertThat(written).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  @Test
  void shouldLetEachServiceWriteOnlyItsTopics() {
    assertThat(Topics.writtenBy(Service.GOAL_PRODUCERS)).containsExactly(Topics.GOALS);
    assertThat(Topics.writtenBy(Service.PLANNER)).containsExactly(Topics.PLAN, Topics.OUTCOME);
    assertThat(Topics.writtenBy(Service.GUARDRAIL))
        .containsExactly(Topics.VERDICT, Topics.ACTION_REQUEST, Topics.ESCALATION);
    assertThat(Topics.writtenBy(Service.EXECUTOR)).containsExactly(Topics.ACTION_RESULT);
    assertThat(Topics.writtenBy(Service.HANDOFF)).containsExactly(Topics.RESOLUTION);
  }

  @Test
  void shouldNeverLetThePlannerWriteActionRequestsOrEscalations() {
    assertThat(Topics.ACTION_REQUEST.writer()).isEqualTo(Service.GUARDRAIL);
    assertThat(Topics.ESCALATION.writer()).isEqualTo(Service.GUARDRAIL);
  }

  @Test
  void shouldFindTheTopicCarryingAnEventType() {
    assertThat(Topics.carrying(GoalEvent.GoalSubmitted.class)).isSameAs(Topics.GOALS);
    assertThat(Topics.carrying(GoalEvent.GoalCancelled.class)).isSameAs(Topics.GOALS);
    assertThat(Topics.carrying(OutcomeEvent.GoalCancelled.class)).isSameAs(Topics.OUTCOME);
    assertThat(Topics.carrying(PlanEvent.StepsProposed.class)).isSameAs(Topics.PLAN);
    assertThat(Topics.carrying(VerdictEvent.ActionDenied.class)).isSameAs(Topics.VERDICT);
    assertThat(Topics.carrying(ActionRequested.class)).isSameAs(Topics.ACTION_REQUEST);
    assertThat(Topics.carrying(EscalationEvent.QuestionAsked.class)).isSameAs(Topics.ESCALATION);
    assertThat(Topics.carrying(ResolutionEvent.Expired.class)).isSameAs(Topics.RESOLUTION);
    assertThat(Topics.carrying(ResolutionEvent.class)).isSameAs(Topics.RESOLUTION);
  }

  @Test
  void shouldFindTheTopicOfEverySampleEvent() {
    for (SwitchboardEvent event : SampleEvents.all()) {
      Topic<SwitchboardEvent> topic = Topics.carrying(event.getClass());

      assertThat(topic.valueType().isInstance(event)).isTrue();
      assertThat(Topics.ALL.stream().filter(t -> t.valueType().isInstance(event))).hasSize(1);
    }
  }

  @Test
  void shouldGiveOnlyItsWriterTheTopicToWriteAnEventTo() {
    SwitchboardEvent verdict =
        SampleEvents.all().stream()
            .filter(VerdictEvent.class::isInstance)
            .findFirst()
            .orElseThrow();

    assertThat(Topics.toWrite(verdict, Service.GUARDRAIL)).isSameAs(Topics.VERDICT);
    assertThatThrownBy(() -> Topics.toWrite(verdict, Service.PLANNER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PLANNER may not write verdict (its writer is GUARDRAIL)");
  }

  @Test
  void shouldRejectATypeNoTopicCarries() {
    assertThatThrownBy(() -> Topics.carrying(SwitchboardEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no topic carries");
  }

  @Test
  void shouldKeyEveryTopicByGoalId() {
    assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.keyType()).isEqualTo(String.class));
  }
}
