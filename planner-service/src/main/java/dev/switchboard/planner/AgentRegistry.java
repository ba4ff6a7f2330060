package dev.switchboard.planner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The agents this planner can run, by name. */
public final class AgentRegistry {
  private final Map<String, AgentSpec> agents = new TreeMap<>();

  public AgentRegistry(Collection<AgentSpec> specs) {
    for (AgentSpec spec : specs) {
      if (agents.putIfAbsent(spec.name(), spec) != null) {
        throw new IllegalArgumentException("agent '" + spec.name() + "' is defined twice");
      }
    }
  }

  /** The agents that come with the planner. */
  public static AgentRegistry builtIn() {
    return new AgentRegistry(List.of(DemoAgent.spec()));
  }

  public Optional<AgentSpec> find(String name) {
    return Optional.ofNullable(agents.get(name));
  }

  public List<String> names() {
    return List.copyOf(agents.keySet());
  }
}
