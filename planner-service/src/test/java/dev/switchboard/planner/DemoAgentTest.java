package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.PlannedAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in agent walked to the end with the outputs the example MCP server returns (copied from
 * {@code examples/sales-tools}): each step's templates find the fields they refer to.
 */
class DemoAgentTest {
  private static final String GOAL = "g-7";
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final DeterministicPlanner planner = new DeterministicPlanner();
  private final AgentSpec agent = DemoAgent.spec();

  @Test
  void shouldLookUpFindDraftSendAndLogWithTheSalesToolsOutputs() {
    PlannerState goal =
        PlannerState.started(
            GOAL, "demo", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    PlannedAction lookup = next(goal);
    assertThat(lookup.tool()).isEqualTo("crm.lookup_account");
    assertThat(lookup.sideEffect()).isFalse();
    assertThat(text(lookup, "account")).isEqualTo("ACME");
    goal =
        done(
            goal,
            lookup,
            "{\"accountId\":\"acct-acme\",\"account\":\"ACME\",\"industry\":\"Manufacturing\","
                + "\"tier\":\"enterprise\",\"contacts\":1}");

    PlannedAction find = next(goal);
    assertThat(find.tool()).isEqualTo("crm.find_contact");
    assertThat(text(find, "accountId")).isEqualTo("acct-acme");
    goal =
        done(
            goal,
            find,
            "{\"contactId\":\"ct-pat-lee\",\"name\":\"Pat Lee\",\"email\":\"pat.lee@acme.example\","
                + "\"title\":\"VP Operations\",\"accountId\":\"acct-acme\",\"account\":\"ACME\"}");

    PlannedAction draft = next(goal);
    assertThat(draft.tool()).isEqualTo("email.draft");
    assertThat(draft.sideEffect()).isFalse();
    assertThat(draft.arguments())
        .isEqualTo(
            json(
                "{\"account\":\"ACME\",\"recipientName\":\"Pat Lee\","
                    + "\"to\":\"pat.lee@acme.example\",\"topic\":\"Tell ACME about the new pricing\"}"));
    goal =
        done(
            goal,
            draft,
            "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Following up with ACME\","
                + "\"body\":\"Hello Pat Lee,\\n\\nfollowing up on: Tell ACME about the new pricing.\","
                + "\"draftId\":\"draft-1\"}");

    PlannedAction send = next(goal);
    assertThat(send.tool()).isEqualTo("email.send");
    assertThat(send.sideEffect()).isTrue();
    assertThat(text(send, "to")).isEqualTo("pat.lee@acme.example");
    assertThat(text(send, "subject")).isEqualTo("Following up with ACME");
    assertThat(text(send, "body")).startsWith("Hello Pat Lee,");
    goal =
        done(
            goal,
            send,
            "{\"messageId\":\"msg-42\",\"deliveredTo\":\"pat.lee@acme.example\","
                + "\"sentAt\":\"2026-04-01T09:00:00Z\"}");

    PlannedAction log = next(goal);
    assertThat(log.tool()).isEqualTo("crm.log_activity");
    assertThat(log.sideEffect()).isTrue();
    assertThat(text(log, "accountId")).isEqualTo("acct-acme");
    assertThat(text(log, "contactId")).isEqualTo("ct-pat-lee");
    assertThat(text(log, "type")).isEqualTo("email");
    assertThat(text(log, "summary"))
        .isEqualTo("Sent 'Following up with ACME' to pat.lee@acme.example (msg-42)");
    goal = done(goal, log, "{\"activityId\":\"act-1\",\"accountId\":\"acct-acme\"}");

    assertThat(planner.next(agent, goal)).isInstanceOf(NextSteps.GoalMet.class);
  }

  private PlannedAction next(PlannerState goal) {
    NextSteps next = planner.next(agent, goal);
    assertThat(next).isInstanceOf(NextSteps.Propose.class);
    List<PlannedAction> actions = ((NextSteps.Propose) next).actions();
    assertThat(actions).hasSize(1);
    return actions.getFirst();
  }

  private PlannerState done(PlannerState goal, PlannedAction action, String output) {
    return goal.proposing(List.of(action.actionId())).withResult(action.actionId(), json(output));
  }

  private JsonNode json(String text) {
    return mapper.readTree(text);
  }

  private static String text(PlannedAction action, String argument) {
    return action.arguments().get(argument).asString();
  }
}
