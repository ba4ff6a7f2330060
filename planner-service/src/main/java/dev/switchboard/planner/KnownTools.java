package dev.switchboard.planner;

import dev.switchboard.contracts.catalog.ToolEntry;
import java.util.Optional;

/** The planner's view of the executor's {@code tools} catalog. */
public interface KnownTools {

  /** No catalog: nothing is known, and nothing counts as unknown. */
  KnownTools NONE =
      new KnownTools() {
        @Override
        public Optional<ToolEntry> find(String tool) {
          return Optional.empty();
        }

        @Override
        public boolean caughtUp() {
          return false;
        }
      };

  Optional<ToolEntry> find(String tool);

  /** Whether the catalog was read to its end once: only then does "not listed" mean unknown. */
  boolean caughtUp();

  /** Entries the catalog's writer did not sign, ignored (a health detail). */
  default long refusedEntries() {
    return 0;
  }

  /** A tool the catalog, read to its end, does not list. */
  default boolean unknown(String tool) {
    return caughtUp() && find(tool).isEmpty();
  }
}
