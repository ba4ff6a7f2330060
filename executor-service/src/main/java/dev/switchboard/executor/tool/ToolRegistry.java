package dev.switchboard.executor.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tools this executor can run, by name. The set can be replaced as a whole (a reloaded tool
 * file, a server's new tool list); a call already running keeps the tool object it found.
 */
public final class ToolRegistry {

  /** Tells whether some tool server has not answered yet, and waits for it. */
  public interface Pending {
    boolean any();

    /** Waits at most the timeout for every pending server's first tool list. */
    void await(Duration timeout) throws InterruptedException;
  }

  private static final Pending NOTHING_PENDING =
      new Pending() {
        @Override
        public boolean any() {
          return false;
        }

        @Override
        public void await(Duration timeout) {}
      };

  private volatile Map<String, Tool> tools;
  private volatile Pending pending = NOTHING_PENDING;
  private volatile Duration pendingWait = Duration.ZERO;

  public ToolRegistry(List<? extends Tool> tools) {
    this.tools = byName(tools);
  }

  /**
   * The tool of this name; when there is none yet but a server has not listed its tools, waits up
   * to the pending wait for them first (a request that arrives while the executor starts).
   */
  public Optional<Tool> find(String name) {
    Tool tool = tools.get(name);
    if (tool == null && pending.any()) {
      try {
        pending.await(pendingWait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      tool = tools.get(name);
    }
    return Optional.ofNullable(tool);
  }

  public List<String> names() {
    return List.copyOf(tools.keySet());
  }

  /** The current tools in name order. */
  public List<Tool> tools() {
    return List.copyOf(tools.values());
  }

  /**
   * Swaps in a new set of tools at once.
   *
   * @throws IllegalStateException when two tools share a name; the old set stays
   */
  public void replace(List<? extends Tool> tools) {
    this.tools = byName(tools);
  }

  /** How lookups of unknown tools learn about servers that have not answered yet. */
  public void waitForPending(Pending pending, Duration wait) {
    this.pending = pending;
    this.pendingWait = wait;
  }

  private static Map<String, Tool> byName(List<? extends Tool> tools) {
    Map<String, Tool> named = new TreeMap<>();
    for (Tool tool : tools) {
      Tool previous = named.putIfAbsent(tool.name(), tool);
      if (previous != null) {
        throw new IllegalStateException("two tools are named '" + tool.name() + "'");
      }
    }
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named));
  }
}
