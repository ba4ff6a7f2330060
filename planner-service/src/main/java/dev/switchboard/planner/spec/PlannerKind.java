package dev.switchboard.planner.spec;

import java.util.Locale;

/** Which planner runs an agent: its spec's {@code planner} field. */
public enum PlannerKind {
  /** Walks the SOP over the facts observed so far; no model, no network. */
  DETERMINISTIC,
  /** A chat model proposes the tool calls. */
  LLM;

  /** As written in specs and on the {@code agents} topic. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
