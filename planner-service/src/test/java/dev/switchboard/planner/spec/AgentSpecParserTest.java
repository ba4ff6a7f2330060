package dev.switchboard.planner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentSpecParserTest {
  private final AgentSpecParser parser = new AgentSpecParser("human:operators");

  static Stream<Path> exampleFiles() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("..", "examples", "sales", "agents"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void shouldLoadEveryExampleSpec(Path file) throws Exception {
    LoadedSpec loaded = parser.parse(file.getFileName().toString(), Files.readString(file));

    assertThat(loaded.spec().sop()).isNotEmpty();
    assertThat(loaded.contentHash()).matches("sha256:[0-9a-f]{64}");
    assertThat(file.getFileName().toString()).isEqualTo(loaded.name() + ".yaml");
  }

  @Test
  void shouldReadEveryFieldOfASpec() {
    LoadedSpec loaded =
        parser.parse(
            "sdr.yaml",
            """
            name: sdr
            description: Qualifies leads
            instructions: Be brief.
            planner: llm
            model: {name: gpt-4o-mini, mode: react, temperature: 0.2, max-output-tokens: 512}
            tools: [crm.lookup_account, email.send]
            handoffs: [agent:researcher, human:sales-ops]
            escalation-queue: human:sales-ops
            receives: [lead_score]
            budgets: {max-steps: 7, max-wall-time: 90s, max-tokens: 5000, max-cost: 0.25, max-repeats: 2}
            sop:
              - id: qualify
                tool: crm.lookup_account
                arguments: {account: "{{inputs.account | description}}", limit: 3, exact: true}
                produces: {account_id: id, owner: owner.email}
                on-failure: [{alternate: {tool: email.send, arguments: {to: x}, side-effect: true}}, skip]
                on-denied: {handoff: human:sales-ops}
                rationale: worth it?
              - id: research
                when: {known: [account_id], missing: [owner], equals: {lead_score: hot}, not-equals: {owner: me}}
                needs: [account_id]
                handoff: agent:researcher
                reason: "look into {{account_id}}"
                produces: [contact_email]
              - id: ask
                ask: "Which region for {{contact_email}}?"
                queue: human:sales-ops
                produces: [region]
            """);

    AgentSpec spec = loaded.spec();
    assertThat(spec.planner()).isEqualTo(PlannerKind.LLM);
    assertThat(spec.model())
        .isEqualTo(new ModelSettings("gpt-4o-mini", ModelSettings.PlanningMode.REACT, 0.2, 512));
    assertThat(spec.budgets())
        .isEqualTo(new Budgets(7, Duration.ofSeconds(90), 5000, new BigDecimal("0.25"), 2));
    assertThat(spec.handoffTargets()).containsExactly("agent:researcher", "human:sales-ops");
    SopStep qualify = spec.step("qualify").orElseThrow();
    StepAction.CallTool call = (StepAction.CallTool) qualify.action();
    assertThat(call.arguments().get("limit").asInt()).isEqualTo(3);
    assertThat(call.arguments().get("exact").asBoolean()).isTrue();
    assertThat(qualify.produces()).containsEntry("owner", "owner.email");
    assertThat(qualify.onFailure()).hasSize(2).element(1).isInstanceOf(Fallback.Skip.class);
    assertThat(qualify.onDenied()).containsExactly(new Fallback.HandOffTo("human:sales-ops"));
    SopStep research = spec.step("research").orElseThrow();
    assertThat(research.action())
        .isEqualTo(new StepAction.HandOff("agent:researcher", "look into {{account_id}}"));
    assertThat(research.when().known()).containsExactly("account_id");
    assertThat(research.when().equals()).containsEntry("lead_score", "hot");
    assertThat(research.referencedFacts()).contains("account_id", "owner", "lead_score");
    assertThat(spec.step("ask").orElseThrow().action())
        .isEqualTo(new StepAction.Ask("human:sales-ops", "Which region for {{contact_email}}?"));
    assertThat(spec.toEntry(loaded.contentHash()).handoffs())
        .containsExactly("agent:researcher", "human:sales-ops");
  }

  @Test
  void shouldFillDefaultsForWhatASpecLeavesOut() {
    AgentSpec spec =
        parser
            .parse(
                "a.yaml",
                """
                name: a
                tools: [t]
                sop:
                  - id: one
                    tool: t
                """)
            .spec();

    assertThat(spec.planner()).isEqualTo(PlannerKind.DETERMINISTIC);
    assertThat(spec.budgets()).isEqualTo(Budgets.DEFAULTS);
    assertThat(spec.escalationQueue()).isEqualTo("human:operators");
    assertThat(spec.handoffTargets()).containsExactly("human:operators");
    assertThat(spec.sop().getFirst().onFailure()).containsExactly(new Fallback.Fail());
  }

  @Test
  void shouldNameFileLineColumnAndFieldOfEachProblem() {
    List<String> problems =
        problems(
            """
            name: sdr
            tools: [crm.lookup_account]
            handoffs: [agent:researcher]
            sop:
              - id: qualify
                tool: crm.lookup_acount
                arguments:
                  account: "{{inputs.account}}"
              - id: research
                handoff: agent:writer
                prodcues: [contact]
            """);

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "sdr.yaml:6:11: sop[0].tool: 'crm.lookup_acount' is not among this agent's tools:"
                + " crm.lookup_account",
            "sdr.yaml:10:14: sop[1].handoff: 'agent:writer' is not among this agent's handoffs:"
                + " agent:researcher, human:operators",
            "sdr.yaml:11:5: sop[1].prodcues: unknown field; expected one of: arguments, ask, handoff,"
                + " id, needs, on-denied, on-failure, produces, queue, rationale, reason, side-effect,"
                + " tool, when");
  }

  @Test
  void shouldNameAFactNoStepProduces() {
    assertThat(
            problems(
                """
                name: writer
                tools: [email.send]
                receives: [contact_name]
                sop:
                  - id: send
                    tool: email.send
                    arguments: {to: "{{contact_emial}}", body: "Hi {{contact_name}}"}
                """))
        .containsExactly(
            "sdr.yaml:7:21: sop[0].arguments.to: refers to fact 'contact_emial', which no step"
                + " produces and the agent does not receive; known facts: contact_name (and"
                + " description, inputs.<name>)");
  }

  @Test
  void shouldReportEveryKindOfMistakeInOnePass() {
    List<String> problems =
        problems(
            """
            name: Bad Name
            planner: clever
            tools: [t, t]
            handoffs: [researcher, agent:Bad Name]
            escalation-queue: operators
            receives: [1st]
            budgets: {max-steps: 0, max-wall-time: soon, max-cost: -1, max-tokens: 1.5}
            model: {mode: fast, temperature: 3}
            sop:
              - id: one
                tool: t
                handoff: human:operators
              - tool: t
                arguments: "{{broken"
              - id: one
                ask: "?"
              - id: two
                tool: t
                arguments: {a: "{{ | x}}"}
                on-failure: retry
                when: {sometimes: [x]}
            """);

    assertThat(problems)
        .anyMatch(p -> p.contains("1:7: name: 'Bad Name' must be lower case"))
        .anyMatch(p -> p.contains("planner: 'clever' is not a planner"))
        .anyMatch(p -> p.contains("tools[1]: 't' is listed twice"))
        .anyMatch(
            p -> p.contains("handoffs[0]: 'researcher' must be agent:<name> or human:<queue>"))
        .anyMatch(p -> p.contains("escalation-queue: 'operators' must be human:<queue>"))
        .anyMatch(p -> p.contains("receives: '1st' is not a fact name"))
        .anyMatch(p -> p.contains("budgets.max-steps: must be a whole number above 0"))
        .anyMatch(p -> p.contains("budgets.max-wall-time: 'soon' is not a duration"))
        .anyMatch(p -> p.contains("budgets.max-cost: must be an amount of 0 or more"))
        .anyMatch(p -> p.contains("budgets.max-tokens: must be a whole number of 0 or more"))
        .anyMatch(p -> p.contains("model.mode: 'fast' is not a mode"))
        .anyMatch(p -> p.contains("model.temperature: must be a number from 0 to 2"))
        .anyMatch(p -> p.contains("sop[0].handoff: a step has only one of tool, handoff or ask"))
        .anyMatch(p -> p.contains("sop[1].id: is required"))
        .anyMatch(p -> p.contains("sop[1].arguments: must be a mapping"))
        .anyMatch(p -> p.contains("sop[2].id: 'one' is the id of an earlier step too"))
        .anyMatch(p -> p.contains("sop[2].queue: is required for a question"))
        .anyMatch(p -> p.contains("sop[3].arguments.a: '{{ | x}}' has an empty placeholder"))
        .anyMatch(p -> p.contains("sop[3].on-failure: 'retry' is not a fallback"))
        .anyMatch(p -> p.contains("sop[3].when.sometimes: unknown field"));
  }

  @Test
  void shouldRejectWhatIsNotYamlWithItsPosition() {
    assertThat(problems("name: a\ntools: [t\nsop: []\n"))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("sdr.yaml:3:").contains("not valid YAML"));
    assertThat(problems("")).containsExactly("sdr.yaml: is empty");
    assertThat(problems("- just\n- a list\n"))
        .containsExactly("sdr.yaml:1:1: must be a mapping of fields");
    assertThat(problems("name: a\nname: b\ntools: [t]\nsop: [{id: x, tool: t}]\n"))
        .containsExactly("sdr.yaml:2:1: name: appears twice");
  }

  @Test
  void shouldRequireStepsOfADeterministicAgentButNotOfAnLlmAgent() {
    assertThat(problems("name: a\ntools: [t]\n"))
        .containsExactly("sdr.yaml:1:1: sop: needs at least one step for a deterministic agent");
    assertThat(parser.parse("b.yaml", "name: b\nplanner: llm\ntools: [t]\n").spec().sop())
        .isEmpty();
  }

  @Test
  void shouldRejectAFileLargerThanTheLimit() {
    String huge = "name: a\ndescription: \"" + "x".repeat(AgentSpecParser.MAX_SPEC_BYTES) + "\"\n";

    assertThat(problems(huge)).singleElement().asString().contains("is larger than");
  }

  @Test
  void shouldHashTheContentSoAnyChangeIsANewVersion() {
    String spec = "name: a\ntools: [t]\nsop: [{id: one, tool: t}]\n";

    String first = parser.parse("a.yaml", spec).contentHash();
    String same = parser.parse("elsewhere.yaml", spec).contentHash();
    String changed = parser.parse("a.yaml", spec + "# a comment\n").contentHash();

    assertThat(same).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }

  private List<String> problems(String yaml) {
    try {
      parser.parse("sdr.yaml", yaml);
    } catch (InvalidSpecException e) {
      assertThat(e.getMessage()).startsWith("invalid agent spec:");
      return e.problems().stream().map(SpecProblem::toString).toList();
    }
    throw new AssertionError("the spec should have been rejected:\n" + yaml);
  }
}
