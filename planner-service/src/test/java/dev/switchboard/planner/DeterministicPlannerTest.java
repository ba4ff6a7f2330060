package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlannedAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SOP walk: a DAG of ready steps, branches on facts, and replans after failures and edits. */
class DeterministicPlannerTest {
  private static final String PIPELINE =
      """
      name: pipeline
      tools: [crm.find, crm.search, enrich.a, enrich.b, mail.send]
      handoffs: [human:ops]
      sop:
        - id: find
          tool: crm.find
          arguments: {name: "{{inputs.name}}"}
          produces: {email: contact.email, company: company}
          on-failure:
            - alternate: {tool: crm.search, arguments: {query: "{{inputs.name}}"}}
            - handoff: human:ops
        - id: enrich-a
          tool: enrich.a
          arguments: {company: "{{company}}"}
          produces: {size: size}
          on-failure: skip
        - id: enrich-b
          tool: enrich.b
          arguments: {company: "{{company}}"}
          produces: {region: region}
        - id: send
          tool: mail.send
          side-effect: true
          needs: [size]
          arguments: {to: "{{email}}", body: "{{region | 'anywhere'}} {{size}}"}
          on-denied: skip
        - id: ask
          when: {missing: [email]}
          ask: "Whom should we write to about {{inputs.name}}?"
          queue: human:ops
          produces: [email]
      """;

  private final GoalDriver goal = new GoalDriver(TestAgents.of(PIPELINE));

  @Test
  void shouldProposeEveryStepWhosePreconditionsHoldTogether() {
    goal.submit("pipeline", "Write to Ada", Map.of("name", "Ada"));
    String find = goal.action("pipeline", "find");
    assertThat(goal.proposed().actions()).extracting(PlannedAction::actionId).containsExactly(find);

    goal.succeed(find, "{\"contact\": {\"email\": \"ada@x.example\"}, \"company\": \"X\"}");

    assertThat(goal.proposed().actions())
        .extracting(PlannedAction::tool, PlannedAction::dependsOn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("enrich.a", java.util.List.of(find)),
            org.assertj.core.groups.Tuple.tuple("enrich.b", java.util.List.of(find)));
    assertThat(goal.state.fact("email").orElseThrow().asString()).isEqualTo("ada@x.example");
  }

  @Test
  void shouldWaitForEveryFactAStepUsesBeforeProposingIt() {
    goal.submit("pipeline", "Write to Ada", Map.of("name", "Ada"));
    goal.succeed(
        goal.action("pipeline", "find"), "{\"contact\": {\"email\": \"a@x\"}, \"company\": \"X\"}");

    goal.succeed(goal.action("pipeline", "enrich-a"), "{\"size\": 50}");
    assertThat(goal.last.emit())
        .as("send prefers region, which enrich-b may still bring")
        .isEmpty();

    goal.succeed(goal.action("pipeline", "enrich-b"), "{\"region\": \"EMEA\"}");
    PlannedAction send = goal.proposed().actions().getFirst();
    assertThat(send.arguments().get("body").asString()).isEqualTo("EMEA 50");
    assertThat(send.arguments().get("to").asString()).isEqualTo("a@x");
  }

  @Test
  void shouldTryTheAlternateToolWhenAStepFailsThenHandItToAPerson() {
    goal.submit("pipeline", "Write to Ada", Map.of("name", "Ada"));

    goal.fail(goal.action("pipeline", "find"), "timeout");
    PlannedAction alternate = goal.proposed().actions().getFirst();
    assertThat(alternate.actionId()).isEqualTo("goal-1/pipeline/find#2");
    assertThat(alternate.tool()).isEqualTo("crm.search");
    assertThat(alternate.arguments().get("query").asString()).isEqualTo("Ada");

    goal.fail(alternate.actionId(), "still down");
    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:ops");
    assertThat(handoff.reason()).contains("step find").contains("failed: still down");

    goal.takeOver("{\"contact\": {\"email\": \"ada@y.example\"}, \"company\": \"Y\"}");
    assertThat(goal.proposed().actions())
        .extracting(PlannedAction::tool)
        .containsExactly("enrich.a", "enrich.b");
  }

  @Test
  void shouldSkipAStepWhoseFallbackSaysSoAndStopWhenANeededFactNeverCame() {
    toEnriched();

    goal.fail(goal.action("pipeline", "enrich-a"), "no data");
    goal.succeed(goal.action("pipeline", "enrich-b"), "{\"region\": \"EMEA\"}");

    HandoffProposed stuck = goal.only(HandoffProposed.class);
    assertThat(stuck.target()).isEqualTo("human:operators");
    assertThat(stuck.reason())
        .isEqualTo("stuck: agent 'pipeline': step send needs size, which the goal does not have");
  }

  @Test
  void shouldAskAPersonForAMissingFactAndGoOnWithTheAnswer() {
    goal.submit("pipeline", "Write to Ada", Map.of("name", "Ada"));
    goal.succeed(goal.action("pipeline", "find"), "{\"company\": \"X\"}");
    goal.succeed(goal.action("pipeline", "enrich-a"), "{\"size\": 5}");
    goal.succeed(goal.action("pipeline", "enrich-b"), "{}");

    QuestionProposed question = goal.only(QuestionProposed.class);
    assertThat(question.queue()).isEqualTo("human:ops");
    assertThat(question.question()).isEqualTo("Whom should we write to about Ada?");

    goal.answer("ada@z.example");

    PlannedAction send = goal.proposed().actions().getFirst();
    assertThat(send.arguments().get("to").asString()).isEqualTo("ada@z.example");
    assertThat(send.arguments().get("body").asString()).isEqualTo("anywhere 5");
  }

  @Test
  void shouldTakeAPersonsEditIntoTheFactsLaterStepsUse() {
    String spec =
        """
        name: mailer
        tools: [mail.send, crm.log]
        sop:
          - id: send
            tool: mail.send
            arguments: {to: "{{inputs.to}}", subject: "hi"}
            produces: {id: id}
          - id: log
            tool: crm.log
            arguments: {who: "{{inputs.to}}", message: "{{id}}"}
        """;
    GoalDriver mailer = new GoalDriver(TestAgents.of(spec));
    mailer.submit("mailer", "Say hi", Map.of("to", "old@x.example"));
    String send = mailer.action("mailer", "send");
    String approval = mailer.escalate(send);

    mailer.edit(approval, "{\"to\": \"new@x.example\", \"subject\": \"hello\"}");
    assertThat(mailer.last.emit()).isEmpty();
    mailer.allow(send);
    mailer.succeed(send, "{\"id\": \"m-1\"}");

    PlannedAction log = mailer.proposed().actions().getFirst();
    assertThat(log.arguments().get("who").asString()).isEqualTo("old@x.example");
    assertThat(mailer.state.run(send).orElseThrow().arguments().get("to").asString())
        .isEqualTo("new@x.example");
    assertThat(mailer.state.history()).anyMatch(l -> l.contains("edited by ann"));
  }

  @Test
  void shouldReplaceAFactWithTheEditedValueWhenTheArgumentWasExactlyThatFact() {
    toEnriched();
    goal.succeed(goal.action("pipeline", "enrich-a"), "{\"size\": 5}");
    goal.succeed(goal.action("pipeline", "enrich-b"), "{\"region\": \"EMEA\"}");
    String send = goal.action("pipeline", "send");
    String approval = goal.escalate(send);

    goal.edit(approval, "{\"to\": \"boss@x.example\", \"body\": \"EMEA 5\"}");

    assertThat(goal.state.fact("email").orElseThrow().asString()).isEqualTo("boss@x.example");
  }

  @Test
  void shouldSkipADeniedStepWhenItsSpecSaysSoAndFinish() {
    toEnriched();
    goal.succeed(goal.action("pipeline", "enrich-a"), "{\"size\": 5}");
    goal.succeed(goal.action("pipeline", "enrich-b"), "{\"region\": \"EMEA\"}");

    goal.deny(goal.action("pipeline", "send"), "not today");

    assertThat(
            goal.only(dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted.class).summary())
        .isEqualTo(
            "Agent 'pipeline' completed its SOP: 3 of 5 steps done, 2 not needed or skipped");
  }

  @Test
  void shouldFailWhenAStepWithoutFallbackFails() {
    toEnriched();

    goal.fail(goal.action("pipeline", "enrich-b"), "broken");

    assertThat(goal.only(GoalFailed.class).reason())
        .isEqualTo(
            "step enrich-b of agent 'pipeline' (goal-1/pipeline/enrich-b, enrich.b) failed: broken");
  }

  private void toEnriched() {
    goal.submit("pipeline", "Write to Ada", Map.of("name", "Ada"));
    goal.succeed(
        goal.action("pipeline", "find"), "{\"contact\": {\"email\": \"a@x\"}, \"company\": \"X\"}");
    assertThat(goal.proposed().actions()).hasSize(2);
  }
}
