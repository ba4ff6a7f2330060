package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class EffectRunnerTest {
  private static final JsonNode REQUEST = JsonNodeFactory.instance.objectNode().put("say", "hi");
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseHangingCalls() {
    release.countDown();
  }

  @Test
  void shouldReportTheHandlersAnswerAsSucceeded() throws Exception {
    EffectResult result = runner().run(handler(call -> call.request()), intent(false, 1000));

    assertThat(result).isEqualTo(new EffectResult.Succeeded("g-1", "e-1", "test", 1, REQUEST));
  }

  @Test
  void shouldReportARefusalAsFailedAndNotRetryIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EffectHandler refusing =
        handler(
            call -> {
              calls.incrementAndGet();
              throw new EffectRefusal("mailbox full");
            });

    EffectResult result = runner().run(refusing, intent(true, 1000));

    assertThat(result).isEqualTo(new EffectResult.Failed("g-1", "e-1", "test", 1, "mailbox full"));
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldReportATimeoutAsOutcomeUnknownAndInterruptTheCall() throws Exception {
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    EffectHandler hanging =
        handler(
            call -> {
              try {
                release.await();
                interrupted.complete(false);
              } catch (InterruptedException e) {
                interrupted.complete(true);
              }
              return null;
            });

    EffectResult result = runner().run(hanging, intent(false, 150));

    assertThat(result)
        .isEqualTo(
            new EffectResult.OutcomeUnknown(
                "g-1", "e-1", "test", 1, "target did not answer within 150ms"));
    assertThat(interrupted.join()).isTrue();
  }

  @Test
  void shouldReportACrashAsOutcomeUnknownWithoutRetryingAnUnsafeEffect() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EffectHandler crashing =
        handler(
            call -> {
              calls.incrementAndGet();
              throw new IllegalStateException("boom");
            });

    EffectResult result = runner().run(crashing, intent(false, 1000));

    assertThat(result).isInstanceOf(EffectResult.OutcomeUnknown.class);
    assertThat(((EffectResult.OutcomeUnknown) result).reason())
        .isEqualTo("target crashed: java.lang.IllegalStateException: boom");
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldRetryARetrySafeEffectUntilItAnswers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EffectHandler flaky =
        handler(
            call -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("try again");
              }
              return call.request();
            });

    EffectResult result = runner().run(flaky, intent(true, 1000));

    assertThat(result).isInstanceOf(EffectResult.Succeeded.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldGiveUpOnARetrySafeEffectAfterItsTries() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EffectHandler broken =
        handler(
            call -> {
              calls.incrementAndGet();
              throw new IllegalStateException("down");
            });

    EffectResult result = runner().run(broken, intent(true, 1000));

    assertThat(result).isInstanceOf(EffectResult.OutcomeUnknown.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldNotRunACallThatFindsNoFreeSlotUntilItsStartDeadlineAndMaxWait() throws Exception {
    EffectRunner runner = runner(1, Duration.ofMillis(100));
    Thread first = holdTheOnlySlot(runner);
    AtomicInteger secondCalls = new AtomicInteger();
    EffectHandler counting =
        handler(
            call -> {
              secondCalls.incrementAndGet();
              return null;
            });
    Instant startBy = Instant.now().plusMillis(400);

    long started = System.nanoTime();
    assertThatThrownBy(() -> runner.run(counting, intent(false, 10_000, startBy)))
        .isInstanceOf(EffectRunner.NoFreeSlot.class)
        .hasMessageStartingWith("target is busy (1 calls running")
        .hasMessageEndingWith("nothing ran");
    // It waited for a slot until the start deadline, then the max wait: ~500 ms, not 100.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(450));
    assertThat(secondCalls).hasValue(0);
    release.countDown();
    first.join();
  }

  @Test
  void shouldRunACallOnceASlotFreesBeforeItsStartDeadline() throws Exception {
    EffectRunner runner = runner(1, Duration.ofMillis(1));
    Thread first = holdTheOnlySlot(runner);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });

    EffectResult second =
        runner.run(
            handler(call -> call.request()), intent(false, 10_000, Instant.now().plusSeconds(5)));

    assertThat(second).isInstanceOf(EffectResult.Succeeded.class);
    first.join();
  }

  @Test
  void shouldStopCallingAServerWhoseCircuitOpened() throws Exception {
    EffectRunner runner = runner(16, Duration.ofSeconds(1));
    EffectHandler failing =
        handler(
            call -> {
              throw new IllegalStateException("500");
            });
    for (int i = 0; i < 4; i++) {
      runner.run(failing, intent(false, 1000));
    }
    AtomicInteger calls = new AtomicInteger();

    EffectResult result =
        runner.run(
            handler(
                call -> {
                  calls.incrementAndGet();
                  return null;
                }),
            intent(false, 1000));

    assertThat(result)
        .isEqualTo(
            new EffectResult.Failed(
                "g-1",
                "e-1",
                "test",
                1,
                "calls to server are paused after repeated failures (circuit open); nothing ran"));
    assertThat(calls).hasValue(0);
  }

  private static EffectRunner runner() {
    return runner(16, Duration.ofSeconds(1));
  }

  private static EffectRunner runner(int maxConcurrent, Duration maxWait) {
    return new EffectRunner(
        new EffectsProperties(
            null,
            null,
            null,
            null,
            null,
            null,
            new EffectsProperties.BulkheadSettings(maxConcurrent, maxWait, Map.of()),
            new EffectsProperties.RetrySettings(3, Duration.ofMillis(1), 1.0),
            new EffectsProperties.CircuitBreakerSettings(50f, 4, 4, Duration.ofMinutes(1)),
            null,
            null,
            null));
  }

  /** An intent taken at its start deadline: a busy target gets only the max wait. */
  private static EffectRecord.Intent intent(boolean retrySafe, long timeoutMillis) {
    return intent(retrySafe, timeoutMillis, Instant.now());
  }

  private static EffectRecord.Intent intent(
      boolean retrySafe, long timeoutMillis, Instant startBy) {
    return new EffectRecord.Intent(
        "g-1",
        "e-1",
        "test",
        1,
        REQUEST,
        retrySafe,
        timeoutMillis,
        startBy,
        startBy.plusSeconds(120));
  }

  /** A call on another thread that holds the target's one slot until {@link #release}. */
  private Thread holdTheOnlySlot(EffectRunner runner) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    EffectHandler slow =
        handler(
            call -> {
              holding.countDown();
              release.await();
              return null;
            });
    Thread first =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    runner.run(slow, intent(false, 10_000));
                  } catch (EffectRunner.NoFreeSlot e) {
                    throw new IllegalStateException(e);
                  }
                });
    holding.await();
    return first;
  }

  @FunctionalInterface
  interface Body {
    JsonNode run(EffectCall call) throws Exception;
  }

  private static EffectHandler handler(Body body) {
    return new EffectHandler() {
      @Override
      public String kind() {
        return "test";
      }

      @Override
      public String target(EffectCall call) {
        return "target";
      }

      @Override
      public String server(EffectCall call) {
        return "server";
      }

      @Override
      public JsonNode run(EffectCall call) throws Exception {
        return body.run(call);
      }
    };
  }
}
