package dev.switchboard.policy;

import tools.jackson.databind.JsonNode;

/**
 * What the guardrail knows about one tool: its effective MCP annotations (hints from trusted
 * servers, else the cautious defaults), a risk tier, where it runs and its input schema.
 *
 * @param known false for a tool no catalog lists; such a tool is always denied
 * @param readOnly it changes nothing outside ({@code readOnlyHint})
 * @param destructive it may delete or overwrite ({@code destructiveHint})
 * @param idempotent calling it twice with the same arguments does no more ({@code idempotentHint})
 * @param openWorld it reaches outside systems: the web, email, people ({@code openWorldHint})
 * @param risk {@code low}, {@code medium} or {@code high}; derived from the annotations when not
 *     set
 * @param server the tool server it runs on, or empty
 * @param trusted whether its server's annotations are trusted
 * @param inputSchema the JSON Schema of its arguments, or null for none
 */
public record ToolFacts(
    String name,
    boolean known,
    boolean readOnly,
    boolean destructive,
    boolean idempotent,
    boolean openWorld,
    String risk,
    String server,
    boolean trusted,
    JsonNode inputSchema) {

  public static final String LOW = "low";
  public static final String MEDIUM = "medium";
  public static final String HIGH = "high";

  public ToolFacts {
    name = name == null ? "" : name;
    server = server == null ? "" : server;
    risk = risk == null || risk.isBlank() ? derivedRisk(readOnly, destructive, openWorld) : risk;
  }

  /** A tool no catalog lists: every annotation at its most cautious. */
  public static ToolFacts unknown(String name) {
    return new ToolFacts(name, false, false, true, false, true, HIGH, "", false, null);
  }

  /** No tool at all: the facts of a handoff, which calls none. */
  public static ToolFacts none() {
    return new ToolFacts("", false, false, false, false, false, LOW, "", false, null);
  }

  /** Destroying or reaching outside is high risk, changing records medium, reading low. */
  static String derivedRisk(boolean readOnly, boolean destructive, boolean openWorld) {
    if (readOnly) {
      return LOW;
    }
    return destructive || openWorld ? HIGH : MEDIUM;
  }
}
