package dev.switchboard.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AgentTargetsTest {
  private final ListedAgents agents = new ListedAgents("scout", "closer");
  private final AgentTargets targets = new AgentTargets(agents);

  @Test
  void shouldLetAGoalGoToAnAgentTheCatalogLists() {
    assertThatCode(() -> targets.check("agent:scout")).doesNotThrowAnyException();
    assertThatCode(() -> targets.check(" agent:closer ")).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAnUnknownAgentNamingItAndTheKnownOnes() {
    assertThatThrownBy(() -> targets.check("agent:nobody"))
        .isInstanceOfSatisfying(
            InboxProblem.UnknownAgent.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(problem.type().toString()).endsWith("/unknown-agent");
              assertThat(problem.getMessage())
                  .isEqualTo(
                      "there is no agent:nobody to hand the goal to: the agents catalog lists"
                          + " agent:closer, agent:scout; reassign to one of them or to a"
                          + " human:<queue>");
              assertThat(problem.properties())
                  .isEqualTo(
                      Map.of(
                          "agent",
                          "agent:nobody",
                          "knownAgents",
                          List.of("agent:closer", "agent:scout")));
            });
  }

  @Test
  void shouldFollowTheCatalogAsItChanges() {
    agents.listed.remove("scout");
    agents.listed.add("writer");

    assertThatThrownBy(() -> targets.check("agent:scout"))
        .isInstanceOf(InboxProblem.UnknownAgent.class)
        .hasMessageContaining("lists agent:closer, agent:writer;");
    assertThat(targets.agentTargets()).containsExactly("agent:closer", "agent:writer");
  }

  @Test
  void shouldAskToRetryRatherThanGuessBeforeTheCatalogIsRead() {
    agents.loaded = false;

    assertThatThrownBy(() -> targets.check("agent:scout"))
        .isInstanceOfSatisfying(
            InboxProblem.AgentsNotLoaded.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(problem.getMessage())
                  .isEqualTo(
                      "the agents catalog is not loaded yet, so this inbox cannot tell whether"
                          + " 'agent:scout' exists; try again in a moment");
            });
    assertThat(targets.agentTargets()).isEmpty();
  }

  @Test
  void shouldNotCheckPeoplesQueuesEvenBeforeTheCatalogIsRead() {
    agents.loaded = false;
    agents.listed.clear();

    assertThatCode(() -> targets.check("human:managers")).doesNotThrowAnyException();
  }

  @Test
  void shouldSayWhenNoAgentIsListedAtAll() {
    agents.listed.clear();

    assertThatThrownBy(() -> targets.check("agent:scout"))
        .isInstanceOf(InboxProblem.UnknownAgent.class)
        .hasMessageContaining("the agents catalog lists no agent;");
  }

  @Test
  void shouldKeepTheProblemWhenAnotherInstanceRelaysIt() {
    InboxProblem.UnknownAgent original =
        InboxProblem.UnknownAgent.of("agent:nobody", List.of("agent:scout"));

    InboxProblem relayed =
        InboxProblem.relayed(
            400, original.type().toString(), original.getMessage(), original.properties());

    assertThat(relayed).isInstanceOf(InboxProblem.UnknownAgent.class);
    assertThat(relayed.getMessage()).isEqualTo(original.getMessage());
    assertThat(relayed.properties()).isEqualTo(original.properties());
    assertThat(
            InboxProblem.relayed(
                503, "https://switchboard.dev/problems/agents-not-loaded", "later", Map.of()))
        .isInstanceOf(InboxProblem.AgentsNotLoaded.class);
  }
}
