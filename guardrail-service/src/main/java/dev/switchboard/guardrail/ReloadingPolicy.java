package dev.switchboard.guardrail;

import dev.switchboard.policy.InvalidPolicyException;
import dev.switchboard.policy.PolicyRef;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.PolicySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current policy, compiled at start (a bad policy stops the start) and checked for changes
 * every interval. A changed policy that compiles replaces the old one in one step, so a decision in
 * flight finishes with the policy it began with; one that does not compile leaves the old one in
 * place and says why in the log and in {@link #status()}.
 */
final class ReloadingPolicy implements Supplier<PolicySet>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReloadingPolicy.class);

  /** Reads the policy files as they are now. */
  @FunctionalInterface
  interface Sources {
    List<PolicySource> read();
  }

  /**
   * What the health endpoint shows.
   *
   * @param lastError why the latest changed policy was refused, or null
   */
  record Status(
      List<PolicyRef> documents,
      int rules,
      Instant loadedAt,
      String lastError,
      Instant lastErrorAt) {}

  private final Sources sources;
  private final Clock clock;
  private volatile Loaded loaded;
  private volatile String refusedFingerprint;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private ScheduledExecutorService scheduler;

  private record Loaded(PolicySet policy, String fingerprint, Instant at) {}

  /**
   * @throws InvalidPolicyException when the policy as it is now cannot be used
   */
  ReloadingPolicy(Sources sources, Clock clock) {
    this.sources = sources;
    this.clock = clock;
    List<PolicySource> now = sources.read();
    this.loaded = new Loaded(PolicySet.compile(now), fingerprint(now), clock.instant());
    log.info("guardrail policy loaded: {}", describe(loaded.policy()));
  }

  @Override
  public PolicySet get() {
    return loaded.policy();
  }

  /** Checks the files now; returns true when a new policy took over. */
  boolean reloadIfChanged() {
    List<PolicySource> now;
    try {
      now = sources.read();
    } catch (InvalidPolicyException e) {
      refuse("?", e.getMessage());
      return false;
    }
    String fingerprint = fingerprint(now);
    if (fingerprint.equals(loaded.fingerprint())) {
      // The files say what is in force again (a bad edit was undone): nothing to report.
      refusedFingerprint = null;
      lastError = null;
      lastErrorAt = null;
      return false;
    }
    if (fingerprint.equals(refusedFingerprint)) {
      return false;
    }
    try {
      PolicySet policy = PolicySet.compile(now);
      loaded = new Loaded(policy, fingerprint, clock.instant());
      refusedFingerprint = null;
      lastError = null;
      lastErrorAt = null;
      log.info("guardrail policy reloaded: {}", describe(policy));
      return true;
    } catch (InvalidPolicyException e) {
      refuse(fingerprint, e.getMessage());
      return false;
    }
  }

  Status status() {
    Loaded current = loaded;
    return new Status(
        current.policy().documents(),
        current.policy().ruleNames().size(),
        current.at(),
        lastError,
        lastErrorAt);
  }

  /** Checks for changes every {@code interval} on a daemon thread; zero checks never. */
  synchronized void start(Duration interval) {
    if (interval.isZero() || interval.isNegative() || scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "guardrail-policy-reload");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            reloadIfChanged();
          } catch (RuntimeException e) {
            log.error("checking the guardrail policy for changes failed", e);
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  private void refuse(String fingerprint, String reason) {
    refusedFingerprint = fingerprint;
    lastError = reason;
    lastErrorAt = clock.instant();
    log.error(
        "the changed guardrail policy was refused; the previous one stays in force. {}", reason);
  }

  private static String fingerprint(List<PolicySource> sources) {
    return sources.stream()
        .map(source -> source.name() + "=" + source.digest())
        .collect(Collectors.joining(","));
  }

  private static String describe(PolicySet policy) {
    return policy.documents().stream()
            .map(ref -> ref.id() + " " + ref.version())
            .collect(Collectors.joining(", "))
        + " ("
        + policy.ruleNames().size()
        + " rules)";
  }
}
