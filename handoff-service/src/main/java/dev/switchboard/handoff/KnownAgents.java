package dev.switchboard.handoff;

import java.util.SortedSet;

/** The agents the planner's signed {@code agents} catalog lists, as the inbox sees them now. */
public interface KnownAgents {

  /** Whether the catalog was read to its end once: before that, "not listed" proves nothing. */
  boolean loaded();

  /** The names of the agents listed now (without {@code agent:}), sorted. */
  SortedSet<String> names();
}
