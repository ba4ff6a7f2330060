package dev.switchboard.policy;

import java.util.Optional;

/**
 * Where tool facts come from: in the guardrail the executor's {@code tools} catalog topic, with a
 * facts file for what it does not list; in {@code policy test} the cases' facts. A tool it does not
 * list is unknown and denied.
 */
@FunctionalInterface
public interface ToolCatalog {

  Optional<ToolFacts> lookup(String tool);

  /** The tool's facts, or {@link ToolFacts#unknown} when it is not listed. */
  default ToolFacts factsOf(String tool) {
    return lookup(tool).orElseGet(() -> ToolFacts.unknown(tool));
  }
}
