package dev.switchboard.contracts.catalog;

/**
 * One entry of a compacted catalog topic ({@code tools}, {@code agents}): keyed by its name, the
 * latest entry per name is the current one, and a tombstone (null value) removes it. Catalogs are
 * not goal topics, so the key = goalId rule does not apply to them.
 */
public interface CatalogEntry {

  /** The record key: the tool's or the agent's name. */
  String name();
}
