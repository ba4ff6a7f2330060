package dev.switchboard.executor.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tools this executor can run, by name. */
public final class ToolRegistry {
  private final Map<String, Tool> tools = new TreeMap<>();

  public ToolRegistry(List<? extends Tool> tools) {
    for (Tool tool : tools) {
      Tool previous = this.tools.putIfAbsent(tool.name(), tool);
      if (previous != null) {
        throw new IllegalStateException("two tools are named '" + tool.name() + "'");
      }
    }
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<String> names() {
    return List.copyOf(tools.keySet());
  }
}
