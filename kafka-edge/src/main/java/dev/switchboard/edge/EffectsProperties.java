package dev.switchboard.edge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.effects.*}: how effects run and how long the edge waits for them. See the
 * kafka-edge README for the life of an effect and how these bound it.
 *
 * @param startTimeout an intent not taken by a worker within this is not run (and issued again)
 * @param deadlineGrace added to an attempt's run budget before its deadline; must exceed {@code
 *     transactionTimeout}
 * @param maxAttempts intents per effect, the first included, before the edge gives up
 * @param timerInterval how often due timers are looked for (wall clock)
 * @param transactionTimeout of the worker's Kafka transactions (they hold no call, only writes)
 * @param shutdownGrace how long a stopping worker waits for running effects to report
 * @param testHaltAt TEST ONLY: {@code before-start}, {@code before-call} or {@code after-call}
 *     halts the JVM at that point of an effect's life, to test crashes; unset in any real use
 * @param testHaltTarget TEST ONLY: halt only for effects of this target (e.g. a tool name)
 * @param testHaltFile TEST ONLY: a file a test writes {@code <point> [target]} into to halt once
 *     there; unset in any real use
 */
@ConfigurationProperties("switchboard.effects")
public record EffectsProperties(
    Duration startTimeout,
    Duration deadlineGrace,
    Integer maxAttempts,
    Duration timerInterval,
    Duration transactionTimeout,
    Duration shutdownGrace,
    BulkheadSettings bulkhead,
    RetrySettings retry,
    CircuitBreakerSettings circuitBreaker,
    String testHaltAt,
    String testHaltTarget,
    Path testHaltFile) {

  public EffectsProperties {
    startTimeout = positive(startTimeout, Duration.ofSeconds(30), "start-timeout");
    deadlineGrace = positive(deadlineGrace, Duration.ofSeconds(30), "deadline-grace");
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    timerInterval = positive(timerInterval, Duration.ofMillis(250), "timer-interval");
    transactionTimeout =
        positive(transactionTimeout, Duration.ofSeconds(10), "transaction-timeout");
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
    bulkhead = bulkhead == null ? new BulkheadSettings(null, null, null) : bulkhead;
    retry = retry == null ? new RetrySettings(null, null, null) : retry;
    circuitBreaker =
        circuitBreaker == null
            ? new CircuitBreakerSettings(null, null, null, null)
            : circuitBreaker;
    if (maxAttempts < 1) {
      throw invalid("max-attempts must be at least 1");
    }
    if (deadlineGrace.compareTo(transactionTimeout) <= 0) {
      throw invalid(
          "deadline-grace ("
              + deadlineGrace
              + ") must be longer than transaction-timeout ("
              + transactionTimeout
              + "), or a result committed in time could arrive after its deadline");
    }
    if (testHaltAt != null && !testHaltAt.isBlank()) {
      TestHalt.Point.parse(testHaltAt);
    }
  }

  /**
   * A concurrency limit per effect target (Resilience4j bulkhead).
   *
   * @param maxConcurrent calls running at once per target
   * @param maxWait how long past its intent's start deadline a call waits for a free slot; then
   *     nothing ran and the attempt is skipped (and issued again, up to {@code max-attempts})
   * @param perTarget {@code maxConcurrent} for single targets, e.g. {@code
   *     switchboard.effects.bulkhead.per-target[demo.send]=2}
   */
  public record BulkheadSettings(
      Integer maxConcurrent, Duration maxWait, Map<String, Integer> perTarget) {
    public BulkheadSettings {
      maxConcurrent = maxConcurrent == null ? 16 : maxConcurrent;
      maxWait = maxWait == null ? Duration.ofSeconds(5) : maxWait;
      perTarget = perTarget == null ? Map.of() : Map.copyOf(perTarget);
      if (maxConcurrent < 1 || perTarget.values().stream().anyMatch(n -> n < 1)) {
        throw invalid("bulkhead limits must be at least 1");
      }
    }

    int maxConcurrentFor(String target) {
      return perTarget.getOrDefault(target, maxConcurrent);
    }
  }

  /**
   * Retries of retry-safe effects within one attempt (Resilience4j retry, exponential backoff).
   *
   * @param maxTries calls per attempt, the first included
   * @param backoff wait before the first retry; each further one waits {@code multiplier} times
   *     longer
   */
  public record RetrySettings(Integer maxTries, Duration backoff, Double multiplier) {
    public RetrySettings {
      maxTries = maxTries == null ? 3 : maxTries;
      backoff = backoff == null ? Duration.ofMillis(500) : backoff;
      multiplier = multiplier == null ? 2.0 : multiplier;
      if (maxTries < 1 || multiplier < 1.0) {
        throw invalid("retry.max-tries must be at least 1 and retry.multiplier at least 1.0");
      }
    }
  }

  /**
   * A circuit breaker per server (Resilience4j): open after too many failed calls, nothing is
   * called while it is open.
   *
   * @param failureRateThreshold percent of failed calls that opens it
   * @param minimumCalls calls seen before the rate counts
   * @param window the last this many calls count
   * @param openFor how long it stays open before it lets a few calls try again
   */
  public record CircuitBreakerSettings(
      Float failureRateThreshold, Integer minimumCalls, Integer window, Duration openFor) {
    public CircuitBreakerSettings {
      failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
      minimumCalls = minimumCalls == null ? 10 : minimumCalls;
      window = window == null ? 20 : window;
      openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
    }
  }

  EffectTimings timings() {
    return new EffectTimings(
        startTimeout,
        deadlineGrace,
        maxAttempts,
        bulkhead.maxWait(),
        retry.maxTries(),
        retry.backoff(),
        retry.multiplier());
  }

  TestHalt testHalt() {
    boolean always = testHaltAt != null && !testHaltAt.isBlank();
    if (!always && testHaltFile == null) {
      return TestHalt.NEVER;
    }
    return new TestHalt(
        always ? TestHalt.Point.parse(testHaltAt) : null,
        testHaltTarget == null || testHaltTarget.isBlank() ? null : testHaltTarget,
        testHaltFile);
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration chosen = value == null ? fallback : value;
    if (chosen.isNegative() || chosen.isZero()) {
      throw invalid(name + " must be positive");
    }
    return chosen;
  }

  private static InvalidConfigurationException invalid(String message) {
    return new InvalidConfigurationException("switchboard.effects." + message);
  }
}
