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
