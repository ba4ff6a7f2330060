package dev.switchboard.executor.tool;

import dev.switchboard.contracts.catalog.ToolEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code tools} catalog topic equal to the tools the executor has: writes an entry when a
 * tool is new or changed (so {@code updatedAt} is when it last changed), and a tombstone when a
 * tool is gone — except the tools of servers that have not answered yet, which stay as last
 * published.
 */
public final class ToolCatalogSync {
  private static final Logger log = LoggerFactory.getLogger(ToolCatalogSync.class);
  private static final Instant SAME_TIME = Instant.EPOCH;

  /** Where entries go: the compacted topic, or a list in a test. */
  public interface Sink {
    void publish(ToolEntry entry);

    void remove(String name);
  }

  private final Sink sink;
  private final Clock clock;
  private final Map<String, ToolEntry> published = new HashMap<>();
  private boolean behind;

  public ToolCatalogSync(Sink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** What the topic held when the executor started (so tools removed meanwhile get tombstones). */
  public synchronized void startFrom(Map<String, ToolEntry> onTopic) {
    published.putAll(onTopic);
  }

  /**
   * Brings the topic up to date.
   *
   * @param waiting servers whose tools are not known yet: their entries stay
   * @return false when a write failed (the next call tries again)
   */
  public synchronized boolean sync(List<ToolDescriptor> current, Set<String> waiting) {
    Instant now = clock.instant();
    Set<String> names = new HashSet<>();
    try {
      for (ToolDescriptor descriptor : current) {
        names.add(descriptor.name());
        ToolEntry entry = descriptor.entry(now);
        ToolEntry before = published.get(descriptor.name());
        if (before == null || !before.at(SAME_TIME).equals(entry.at(SAME_TIME))) {
          sink.publish(entry);
          published.put(entry.name(), entry);
        }
      }
      for (ToolEntry gone : List.copyOf(published.values())) {
        if (!names.contains(gone.name()) && !waiting.contains(gone.server())) {
          sink.remove(gone.name());
          published.remove(gone.name());
        }
      }
      behind = false;
    } catch (RuntimeException e) {
      behind = true;
      log.warn("the tools catalog is not up to date yet: {}", e.getMessage());
    }
    return !behind;
  }

  /** True after a failed write, until a sync succeeds. */
  public synchronized boolean behind() {
    return behind;
  }

  /** The entries as last written (or found on the topic at start). */
  public synchronized Map<String, ToolEntry> published() {
    return Map.copyOf(published);
  }
}
