package dev.switchboard.guardrail;

import dev.switchboard.policy.ToolFacts;
import java.util.Set;

/**
 * Which tools return content the goal cannot vouch for (web pages, inbound mail, documents): read
 * tools marked open-world, and tools or servers named in configuration. Sending through an
 * open-world tool brings nothing in, so it does not taint.
 */
final class TaintRules {
  /** The label a goal's context gets once such content entered it. */
  static final String UNTRUSTED = "untrusted";

  private final Set<String> tools;
  private final Set<String> servers;
  private final boolean openWorldReads;

  TaintRules(GuardrailProperties.Taint taint) {
    this.tools = Set.copyOf(taint.untrustedTools());
    this.servers = Set.copyOf(taint.untrustedServers());
    this.openWorldReads = taint.openWorldReads();
  }

  boolean returnsUntrustedContent(ToolFacts tool) {
    return tools.contains(tool.name())
        || (!tool.server().isEmpty() && servers.contains(tool.server()))
        || (openWorldReads && tool.readOnly() && tool.openWorld());
  }

  /** The goal's state once a result of {@code tool} is, or is about to be, in its context. */
  GuardrailState after(GuardrailState state, ToolFacts tool) {
    return returnsUntrustedContent(tool) ? state.tainted(UNTRUSTED, tool.name()) : state;
  }
}
