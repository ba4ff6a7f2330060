package dev.switchboard.planner;

import dev.switchboard.planner.spec.LoadedSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which tools the agents name that the tools catalog does not list. */
final class ToolCheck {
  private ToolCheck() {}

  /** By agent, in name order; empty while the catalog cannot tell. */
  static Map<String, List<String>> unknownTools(Collection<LoadedSpec> agents, KnownTools tools) {
    Map<String, List<String>> unknown = new TreeMap<>();
    for (LoadedSpec agent : agents) {
      List<String> missing = agent.spec().tools().stream().filter(tools::unknown).sorted().toList();
      if (!missing.isEmpty()) {
        unknown.put(agent.name(), missing);
      }
    }
    return unknown;
  }
}
