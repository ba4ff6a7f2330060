package dev.switchboard.planner.catalog;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.CatalogReader;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.planner.KnownTools;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The executor's {@code tools} catalog as the planner reads it: every entry in memory, followed
 * while running ({@link CatalogReader}). Whoever waits for the first full read is told once.
 */
public final class ToolsCatalogView implements KnownTools, AutoCloseable {
  private static final Duration CATCH_UP = Duration.ofMinutes(5);

  private final CatalogReader<ToolEntry> reader;
  private final CopyOnWriteArrayList<Runnable> onCaughtUp = new CopyOnWriteArrayList<>();
  private volatile boolean caughtUp;

  private ToolsCatalogView(CatalogReader<ToolEntry> reader) {
    this.reader = reader;
  }

  /**
   * @param kafkaConfig consumer settings (bootstrap servers, security)
   */
  public static ToolsCatalogView start(
      Map<String, Object> kafkaConfig, TopicNames names, WriterSignatures signatures) {
    ToolsCatalogView view =
        new ToolsCatalogView(CatalogReader.start(kafkaConfig, names, Catalogs.TOOLS, signatures));
    Thread.ofVirtual().name("tools-catalog-catch-up").start(view::awaitCaughtUp);
    return view;
  }

  private void awaitCaughtUp() {
    try {
      if (reader.awaitCaughtUp(CATCH_UP)) {
        caughtUp = true;
        onCaughtUp.forEach(Runnable::run);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code action} once the catalog was read to its end (at once if it was). */
  public void whenCaughtUp(Runnable action) {
    onCaughtUp.add(action);
    if (caughtUp) {
      action.run();
    }
  }

  @Override
  public Optional<ToolEntry> find(String tool) {
    return reader.find(tool);
  }

  @Override
  public long refusedEntries() {
    return reader.refused();
  }

  @Override
  public boolean caughtUp() {
    return caughtUp;
  }

  @Override
  public void close() {
    reader.close();
  }
}
