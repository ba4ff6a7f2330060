package dev.switchboard.edge;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs one attempt of an effect on a virtual thread within its limits (Resilience4j): a circuit
 * breaker per server, a concurrency limit per target, a timeout per call, and — for retry-safe
 * effects only — retries with exponential backoff. Says honestly what happened: a call that was
 * refused or never made failed; one that timed out or crashed may have acted, so its outcome is
 * unknown.
 */
final class EffectRunner {
  private static final Logger log = LoggerFactory.getLogger(EffectRunner.class);

  /** How often a call waiting for a slot of its target looks again. */
  private static final long SLOT_POLL_MILLIS = 20;

  private final EffectsProperties settings;
  private final BulkheadRegistry bulkheads;
  private final CircuitBreakerRegistry breakers;
  private final RetryConfig retryConfig;

  EffectRunner(EffectsProperties settings) {
    this.settings = settings;
    EffectsProperties.BulkheadSettings bulkhead = settings.bulkhead();
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(bulkhead.maxConcurrent())
                // run() waits for a slot itself, as long as the attempt's time allows.
                .maxWaitDuration(Duration.ZERO)
                .build());
    EffectsProperties.CircuitBreakerSettings breaker = settings.circuitBreaker();
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .slidingWindowSize(breaker.window())
                .waitDurationInOpenState(breaker.openFor())
                // A refusal is a working server saying no; a full bulkhead never reached it.
                .ignoreExceptions(EffectRefusal.class, BulkheadFullException.class)
                .build());
    EffectsProperties.RetrySettings retry = settings.retry();
    this.retryConfig =
        RetryConfig.custom()
            .maxAttempts(retry.maxTries())
            .intervalFunction(
                IntervalFunction.ofExponentialBackoff(retry.backoff(), retry.multiplier()))
            .retryOnException(EffectRunner::worthRetrying)
            .build();
  }

  /**
   * The attempt's result, or {@link NoFreeSlot} when every slot of its target stayed taken for as
   * long as it could wait: until the intent's start deadline and then the bulkhead's max wait (the
   * first try; a retry waits the max wait), within the run budget {@link EffectTimings} gives it.
   * Nothing ran then, so the edge may issue the attempt again.
   */
  EffectResult run(EffectHandler handler, EffectRecord.Intent intent) throws NoFreeSlot {
    EffectCall call = intent.call();
    String target = handler.target(call);
    String server = handler.server(call);
    Duration timeout = Duration.ofMillis(intent.timeoutMillis());
    Bulkhead bulkhead =
        bulkheads.bulkhead(
            target,
            () ->
                BulkheadConfig.from(bulkheads.getDefaultConfig())
                    .maxConcurrentCalls(settings.bulkhead().maxConcurrentFor(target))
                    .build());
    CircuitBreaker breaker = breakers.circuitBreaker(server);
    TimeLimiter limiter =
        TimeLimiter.of(
            TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
    AtomicBoolean firstTry = new AtomicBoolean(true);
    Callable<JsonNode> once =
        () ->
            breaker.executeCallable(
                () -> {
                  Instant now = Instant.now();
                  Instant from =
                      firstTry.getAndSet(false) && intent.startBy().isAfter(now)
                          ? intent.startBy()
                          : now;
                  acquire(bulkhead, from.plus(settings.bulkhead().maxWait()));
                  try {
                    return limiter.executeFutureSupplier(() -> onVirtualThread(handler, call));
                  } finally {
                    bulkhead.onComplete();
                  }
                });
    Callable<JsonNode> attempt =
        intent.retrySafe() ? Retry.decorateCallable(Retry.of(target, retryConfig), once) : once;
    try {
      return new EffectResult.Succeeded(
          call.goalId(), call.effectId(), intent.kind(), call.attempt(), attempt.call());
    } catch (EffectRefusal refusal) {
      return failed(intent, refusal.getMessage());
    } catch (BulkheadFullException e) {
      throw new NoFreeSlot(
          target
              + " is busy ("
              + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
              + " calls running, none freed while the attempt could wait); nothing ran");
    } catch (CallNotPermittedException e) {
      return failed(
          intent,
          "calls to " + server + " are paused after repeated failures (circuit open); nothing ran");
    } catch (TimeoutException e) {
      log.warn("{} did not answer within {} on effect {}", target, timeout, call.effectId());
      return unknown(intent, target + " did not answer within " + describe(timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unknown(intent, "the service stopped while " + target + " ran");
    } catch (Exception e) {
      log.warn("{} crashed on effect {}", target, call.effectId(), e);
      return unknown(intent, target + " crashed: " + e);
    }
  }

  /** Takes a slot of the bulkhead, waiting for one until {@code until}. */
  private static void acquire(Bulkhead bulkhead, Instant until) throws InterruptedException {
    while (!bulkhead.tryAcquirePermission()) {
      long left = Duration.between(Instant.now(), until).toMillis();
      if (left <= 0) {
        throw BulkheadFullException.createBulkheadFullException(bulkhead);
      }
      Thread.sleep(Math.min(left, SLOT_POLL_MILLIS));
    }
  }

  /**
   * Every slot of the attempt's target stayed taken for as long as the attempt could wait; the call
   * was not made.
   */
  static final class NoFreeSlot extends Exception {
    NoFreeSlot(String message) {
      super(message, null, false, false);
    }
  }

  private static FutureTask<JsonNode> onVirtualThread(EffectHandler handler, EffectCall call) {
    // The caller's span (the effect's) stays current in the handler.
    FutureTask<JsonNode> task = new FutureTask<>(Context.current().wrap(() -> handler.run(call)));
    Thread.ofVirtual().name("effect-" + call.effectId()).start(task);
    return task;
  }

  /** A refusal stays a refusal; an open circuit or a full bulkhead would only be hit again. */
  private static boolean worthRetrying(Throwable e) {
    return !(e instanceof EffectRefusal
        || e instanceof CallNotPermittedException
        || e instanceof BulkheadFullException
        || e instanceof InterruptedException);
  }

  private static EffectResult failed(EffectRecord.Intent intent, String error) {
    return new EffectResult.Failed(
        intent.goalId(), intent.effectId(), intent.kind(), intent.attempt(), error);
  }

  private static EffectResult unknown(EffectRecord.Intent intent, String reason) {
    return new EffectResult.OutcomeUnknown(
        intent.goalId(), intent.effectId(), intent.kind(), intent.attempt(), reason);
  }

  static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
