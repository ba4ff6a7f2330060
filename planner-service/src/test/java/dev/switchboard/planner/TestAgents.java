package dev.switchboard.planner;

import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.AgentSpecParser;
import dev.switchboard.planner.spec.DirectorySpecSource;
import dev.switchboard.planner.spec.InMemorySpecVersions;
import dev.switchboard.planner.spec.LoadedSpec;
import java.nio.file.Path;

/** Agent specs for tests: the project's examples, or YAML written in the test. */
final class TestAgents {
  static final Path EXAMPLES = Path.of("..", "examples", "sales", "agents");
  static final AgentSpecParser PARSER = new AgentSpecParser("human:operators");

  private TestAgents() {}

  /** The specs of {@code examples/sales/agents}: demo, sdr, researcher, writer. */
  static AgentLibrary examples() {
    return AgentLibrary.load(new DirectorySpecSource(EXAMPLES), PARSER, new InMemorySpecVersions());
  }

  /**
   * The demo agent as it was before it moved onto the example MCP server's tools: a lookup, then a
   * send with a side effect (GoalPlannerTest's agent).
   */
  static final String TWO_STEP_DEMO =
      """
      name: demo
      description: Looks up the contact of an account and writes to them once a person approves.
      tools: [demo.lookup, demo.send]
      budgets:
        max-steps: 5
        max-wall-time: 1h
      sop:
        - id: step-1
          tool: demo.lookup
          arguments:
            account: "{{inputs.account | description}}"
          produces: {account: account, contact: contact, name: name}
          rationale: find out whom to write to
        - id: step-2
          tool: demo.send
          side-effect: true
          arguments:
            to: "{{contact}}"
            subject: "Following up: {{account}}"
            body: "Hello {{name}},\n\nfollowing up on: {{description}}"
          rationale: send the follow-up to the contact found
      """;

  /** The examples, with {@code demo} the two-step agent above. */
  static AgentLibrary examplesWithTwoStepDemo() {
    MapSpecSource source = new MapSpecSource();
    new DirectorySpecSource(EXAMPLES).read().forEach(source::put);
    source.put("demo.yaml", TWO_STEP_DEMO);
    return of(source);
  }

  static AgentLibrary of(MapSpecSource source) {
    return AgentLibrary.load(source, PARSER, new InMemorySpecVersions());
  }

  static AgentLibrary of(String... yamlFiles) {
    MapSpecSource source = new MapSpecSource();
    for (int i = 0; i < yamlFiles.length; i++) {
      source.put("agent-" + i + ".yaml", yamlFiles[i]);
    }
    return of(source);
  }

  static LoadedSpec parse(String yaml) {
    return PARSER.parse("test.yaml", yaml);
  }
}
