package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.ClasspathSpecSource;
import dev.switchboard.planner.spec.DirectorySpecSource;
import dev.switchboard.planner.spec.InMemorySpecVersions;
import dev.switchboard.planner.spec.InvalidSpecException;
import dev.switchboard.planner.spec.SpecProblem;
import dev.switchboard.planner.spec.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs change while goals run: a valid change is taken for new goals, an invalid one never, and a
 * goal keeps the version it started with unless a person moves it.
 */
class SpecVersionsTest {
  private static final String V1 =
      """
      name: mailer
      tools: [mail.send, mail.send2]
      handoffs: [agent:helper]
      sop:
        - id: send
          tool: mail.send
          arguments: {to: "{{inputs.to}}"}
      """;
  private static final String V2 = V1.replace("tool: mail.send\n", "tool: mail.send2\n");
  private static final String HELPER =
      "name: helper\ntools: [t]\nhandoffs: [agent:mailer]\n"
          + "sop: [{id: help, tool: t, on-failure: {handoff: human:operators}}]\n";

  private final MapSpecSource files =
      new MapSpecSource().put("mailer.yaml", V1).put("helper.yaml", HELPER);
  private final InMemorySpecVersions versions = new InMemorySpecVersions();
  private final AgentLibrary library = AgentLibrary.load(files, TestAgents.PARSER, versions);

  @Test
  void shouldKeepRunningGoalsOnTheirVersionAndStartNewOnesOnTheNewOne() {
    library.keepCurrentVersions();
    GoalDriver running = new GoalDriver(library, "goal-old");
    running.submit("mailer", "Mail", Map.of("to", "a@x"));
    String v1 = running.state.specVersions().get("mailer");

    files.put("mailer.yaml", V2);
    AgentLibrary.Reload reload = library.reload();

    assertThat(reload.changed()).extracting(s -> s.name()).containsExactly("mailer");
    GoalDriver fresh = new GoalDriver(library, "goal-new");
    fresh.submit("mailer", "Mail", Map.of("to", "a@x"));
    assertThat(fresh.proposed().actions().getFirst().tool()).isEqualTo("mail.send2");
    assertThat(library.version(v1)).isPresent();
    running.fail(running.action("mailer", "send"), "down");
    assertThat(running.state.specVersions().get("mailer")).isEqualTo(v1);
  }

  @Test
  void shouldMoveAGoalToTheCurrentVersionWhenAPersonReassignsIt() {
    GoalDriver goal = new GoalDriver(library);
    goal.submit("helper", "Help", Map.of("to", "a@x"));
    files.put("mailer.yaml", V1 + "# v1 again, but handed over by a person\n");
    String before = library.current("mailer").orElseThrow().contentHash();
    library.reload();
    goal.fail(goal.action("helper", "help"), "cannot");
    assertThat(goal.state.awaiting().target()).isEqualTo("human:operators");

    goal.reassign("agent:mailer", "ann");

    StepsProposed proposed = goal.proposed();
    assertThat(proposed.agent()).isEqualTo("mailer");
    assertThat(goal.state.specVersions().get("mailer"))
        .isEqualTo(library.current("mailer").orElseThrow().contentHash())
        .isNotEqualTo(before);
    assertThat(goal.state.holder()).isEqualTo("agent:mailer");
  }

  @Test
  void shouldNeverTakeAnInvalidChangeAndKeepTheLastGoodVersion() {
    String good = library.current("mailer").orElseThrow().contentHash();

    files.put("mailer.yaml", V1.replace("tool: mail.send\n", "tool: mail.sned\n"));
    AgentLibrary.Reload reload = library.reload();

    assertThat(reload.changed()).isEmpty();
    assertThat(reload.problems())
        .extracting(SpecProblem::toString)
        .singleElement()
        .asString()
        .startsWith("mailer.yaml:6:11: sop[0].tool: 'mail.sned' is not among this agent's tools");
    assertThat(library.current("mailer").orElseThrow().contentHash()).isEqualTo(good);
  }

  @Test
  void shouldRemoveAnAgentWhoseFileIsGoneButStillFindItsVersions() {
    library.keepCurrentVersions();
    String helper = library.current("helper").orElseThrow().contentHash();

    files.remove("helper.yaml");
    AgentLibrary.Reload reload = library.reload();

    assertThat(reload.removed()).containsExactly("helper");
    assertThat(library.current("helper")).isEmpty();
    assertThat(library.version(helper)).isPresent();
  }

  @Test
  void shouldRefuseToStartWithAnyInvalidFileNamingEveryProblem() {
    MapSpecSource broken =
        new MapSpecSource()
            .put("a.yaml", "name: a\ntools: [t]\nsop: [{id: x, tool: u}]\n")
            .put("b.yaml", "name: b\nplanner: magic\ntools: [t]\nsop: [{id: x, tool: t}]\n")
            .put("c.yaml", HELPER)
            .put("d.yaml", HELPER);

    assertThatThrownBy(() -> AgentLibrary.load(broken, TestAgents.PARSER, versions))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SpecProblem::toString)
                    .containsExactlyInAnyOrder(
                        "a.yaml:3:21: sop[0].tool: 'u' is not among this agent's tools: t",
                        "b.yaml:2:10: planner: 'magic' is not a planner; expected deterministic or llm",
                        "d.yaml: name: agent 'helper' is defined in c.yaml already"));
  }

  @Test
  void shouldLoadTheConfiguredDirectoryOrTheExamplesOrTheBuiltInCopies(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("helper.yaml"), HELPER);
    Files.writeString(dir.resolve("notes.txt"), "not a spec");
    ClassLoader loader = getClass().getClassLoader();

    SpecSource configured = SpecSource.choose(dir, TestAgents.EXAMPLES, loader);
    SpecSource inRepository = SpecSource.choose(null, TestAgents.EXAMPLES, loader);
    SpecSource fromJar = SpecSource.choose(null, dir.resolve("missing"), loader);

    assertThat(configured.read()).containsOnlyKeys("helper.yaml");
    assertThat(inRepository).isInstanceOf(DirectorySpecSource.class);
    assertThat(inRepository.read()).containsKeys("sdr.yaml", "demo.yaml");
    assertThat(fromJar).isInstanceOf(ClasspathSpecSource.class);
    assertThat(fromJar.changes()).isFalse();
    assertThat(fromJar.read().keySet())
        .containsExactlyInAnyOrder(
            "classpath:agents/demo.yaml",
            "classpath:agents/researcher.yaml",
            "classpath:agents/sdr.yaml",
            "classpath:agents/writer.yaml");
    assertThat(fromJar.read().get("classpath:agents/sdr.yaml"))
        .isEqualTo(Files.readString(TestAgents.EXAMPLES.resolve("sdr.yaml")));
    assertThatThrownBy(() -> SpecSource.choose(dir.resolve("nope"), TestAgents.EXAMPLES, loader))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory");
  }
}
