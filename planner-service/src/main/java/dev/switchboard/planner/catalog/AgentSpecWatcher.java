package dev.switchboard.planner.catalog;

import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.SpecProblem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Before the goal stream starts: reads the kept spec versions, keeps the loaded ones and publishes
 * them on the {@code agents} catalog. While running: looks at the spec directory again every
 * interval and takes changed files that are valid (publishing them); invalid ones are logged once
 * per change and change nothing.
 */
public final class AgentSpecWatcher implements SmartLifecycle {
  /** Before the Kafka Streams factory bean (Integer.MAX_VALUE - 1000), so goals find the specs. */
  static final int PHASE = Integer.MAX_VALUE - 2000;

  private static final Logger log = LoggerFactory.getLogger(AgentSpecWatcher.class);

  private final AgentLibrary library;
  private final KafkaSpecVersions versions;
  private final AgentCatalogWriter catalog;
  private final Duration interval;
  private ScheduledExecutorService scheduler;
  private List<SpecProblem> lastProblems = List.of();
  private volatile boolean running;

  public AgentSpecWatcher(
      AgentLibrary library,
      KafkaSpecVersions versions,
      AgentCatalogWriter catalog,
      Duration interval) {
    this.library = library;
    this.versions = versions;
    this.catalog = catalog;
    this.interval = interval;
  }

  @Override
  public void start() {
    versions.start();
    library.keepCurrentVersions();
    library.all().forEach(catalog::publish);
    if (library.source().changes() && interval.isPositive()) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofVirtual().name("agent-spec-watcher").factory());
      scheduler.scheduleWithFixedDelay(
          this::reloadQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
      log.info("watching {} for spec changes every {}", library.source().describe(), interval);
    }
    running = true;
  }

  /** One look at the source; public for tests that do not wait for the interval. */
  public synchronized AgentLibrary.Reload reload() {
    AgentLibrary.Reload reload = library.reload();
    reload.changed().forEach(catalog::publish);
    reload.removed().forEach(catalog::remove);
    if (!reload.problems().equals(lastProblems)) {
      reload
          .problems()
          .forEach(p -> log.warn("agent spec not taken, its last good version stays: {}", p));
      lastProblems = reload.problems();
    }
    return reload;
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.warn(
          "could not reload the agent specs from {}: {}",
          library.source().describe(),
          e.toString());
    }
  }

  @Override
  public void stop() {
    running = false;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    versions.close();
    catalog.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
