package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack a user starts: {@code bin/switchboard up} runs a real Kafka broker process and the five
 * services as separate JVMs, on ports apart from the defaults (so a developer's own stack may keep
 * running; {@code -Dswitchboard.it.kafka-port} and {@code -Dswitchboard.it.port-base} move them).
 * Started once per test run for every system test class ({@link LocalStackExtension}), since each
 * start costs a minute; stopped after the last.
 *
 * <p>The executor runs with short effect timings, a test-only slow {@code email.send} for goals
 * whose id contains {@link #SLOW_SEND_MARKER}, and a test-only halt hook a test arms with {@link
 * #armHalt}.
 */
final class LocalStack implements StackUnderTest, AutoCloseable {
  static final int KAFKA_PORT = Integer.getInteger("switchboard.it.kafka-port", 19092);
  static final int PORT_BASE = Integer.getInteger("switchboard.it.port-base", 18080);
  static final String SLOW_SEND_MARKER = "slow-send-";

  /** The five services in the order of their ports (base + 1 … base + 5). */
  static final List<String> SERVICES =
      List.of(
          "planner-service",
          "guardrail-service",
          "executor-service",
          "handoff-service",
          "trace-service");

  static final Duration SLOW_SEND = Duration.ofSeconds(20);

  /**
   * Longer than {@code up}'s own waits (the broker's port 180 s, the services' readiness 180 s), so
   * that up decides: an up cut short leaves its JVMs starting, and the next up, seeing them all
   * running, says "already up" while none is ready yet.
   */
  static final Duration UP_TIMEOUT = Duration.ofMinutes(8);

  /** An intent's start timeout (5 s) + slot wait (1 s) + tool timeout (25 s) + grace (5 s). */
  static final Duration SEND_DEADLINE = Duration.ofSeconds(36);

  private final Path root;
  private final Path home;

  private LocalStack(Path root, Path home) {
    this.root = root;
    this.home = home;
  }

  static LocalStack start() {
    Path root = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    LocalStack stack = new LocalStack(root, root.resolve("e2e-tests/target/local-stack"));
    // A stack left over from an interrupted run must not stand in for this one.
    stack.switchboard(Duration.ofMinutes(1), "down", "--purge");
    Result up = stack.switchboard(UP_TIMEOUT, "up");
    if (up.exitCode() > 0) {
      // up gave up (a broker that outlasted its wait keeps starting): up once more.
      up = stack.switchboard(UP_TIMEOUT, "up");
    }
    if (up.exitCode() != 0) {
      stack.switchboard(Duration.ofMinutes(1), "down"); // leave no broker or service running
    }
    assertThat(up.exitCode()).as("bin/switchboard up:%n%s", up.output()).isZero();
    return stack;
  }

  /**
   * Starts whatever is not running (a killed service), as a user would after a crash; returns what
   * {@code up} printed (each start's time to ready and CPU seconds).
   */
  String up() {
    Result up = switchboard(UP_TIMEOUT, "up");
    assertThat(up.exitCode()).as("bin/switchboard up:%n%s", up.output()).isZero();
    return up.output();
  }

  @Override
  public void close() {
    Result down = switchboard(Duration.ofMinutes(1), "down");
    assertThat(down.exitCode()).as("bin/switchboard down:%n%s", down.output()).isZero();
  }

  Path home() {
    return home;
  }

  /** The running executor process, as {@code bin/switchboard} recorded it. */
  ProcessHandle executor() {
    return process("executor-service");
  }

  /** A running component ({@code kafka}, {@code sales-tools} or a service), by its pid file. */
  ProcessHandle process(String component) {
    try {
      long pid = Long.parseLong(Files.readString(home.resolve("run/" + component + ".pid")).trim());
      return ProcessHandle.of(pid)
          .orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is gone"));
    } catch (IOException e) {
      throw new IllegalStateException("no pid file of " + component, e);
    }
  }

  /**
   * Waits for {@code up}'s background training of the broker's and the services' AOT caches to end
   * (with {@code -Dswitchboard.it.aot-cache=auto}; nothing to wait for otherwise) and returns the
   * components that have a cache now ({@code kafka} for the broker): their next start maps their
   * classes from it instead of loading them.
   */
  List<String> awaitAotTraining(Duration atMost) throws InterruptedException {
    Path pidFile = home.resolve("run/aot-training.pid");
    long deadline = System.nanoTime() + atMost.toNanos();
    while (Files.exists(pidFile) && System.nanoTime() < deadline) {
      try {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          Thread.sleep(1_000);
          continue;
        }
      } catch (IOException | NumberFormatException e) {
        // Written or removed just now: look again.
        Thread.sleep(200);
        continue;
      }
      break;
    }
    List<String> cached = new ArrayList<>();
    if (Files.exists(root.resolve("local-kafka/target/broker-aot/made-from"))) {
      cached.add("kafka");
    }
    for (String service : SERVICES) {
      // bin/lib/aot-cache.sh writes made-from last, once a cache is complete.
      if (Files.exists(root.resolve(service + "/target/" + service + "-aot/made-from"))) {
        cached.add(service);
      }
    }
    return cached;
  }

  /** A service's readiness endpoint; {@code service} is e.g. {@code planner-service}. */
  String readinessUrl(String service) {
    int offset = SERVICES.indexOf(service) + 1;
    if (offset == 0) {
      throw new IllegalArgumentException("no service " + service);
    }
    return "http://localhost:" + (PORT_BASE + offset) + "/actuator/health/readiness";
  }

  /**
   * Makes the executor halt once, at {@code point} ({@code before-start}, {@code before-call} or
   * {@code after-call}) of the next effect of {@code target}.
   */
  void armHalt(String point, String target) throws IOException {
    Files.writeString(home.resolve("test-halt"), point + " " + target);
  }

  String executorLog() throws IOException {
    return Files.readString(home.resolve("logs/executor-service.log"));
  }

  Result switchboard(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/switchboard").toString()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(home.getParent());
      Path output = Files.createTempFile(home.getParent(), "switchboard-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(environment());
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(output));
      }
      return new Result(process.exitValue(), Files.readString(output));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run bin/switchboard", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What every start of the stack gets; the services ignore settings that are not theirs. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SWITCHBOARD_HOME", home.toString());
    env.put("SWITCHBOARD_KAFKA_PORT", Integer.toString(KAFKA_PORT));
    env.put("SWITCHBOARD_PORT_BASE", Integer.toString(PORT_BASE));
    // The jars were just built by this Maven run; the script must not start another build.
    env.put("SWITCHBOARD_SKIP_BUILD", "1");
    // The first start's broker on a loaded machine can take over up's default 60 s to listen;
    // no test bounds that wait (the fault suite bounds the services' readiness, not this).
    env.put("SWITCHBOARD_KAFKA_READY_TIMEOUT", "180");
    // AOT caches a developer's stack made are used, none is trained beside the tests (a training
    // costs about three starts of CPU); -Dswitchboard.it.aot-cache=auto|off changes that.
    env.put("SWITCHBOARD_AOT_CACHE", System.getProperty("switchboard.it.aot-cache", "use"));
    env.put("SWITCHBOARD_EFFECTS_START_TIMEOUT", "5s");
    env.put("SWITCHBOARD_EFFECTS_DEADLINE_GRACE", "5s");
    env.put("SWITCHBOARD_EFFECTS_TRANSACTION_TIMEOUT", "3s");
    env.put("SWITCHBOARD_EFFECTS_BULKHEAD_MAX_WAIT", "1s");
    env.put("SWITCHBOARD_EXECUTOR_TOOL_TIMEOUT", "25s");
    env.put("SWITCHBOARD_EXECUTOR_TEST_DELAY_GOAL_ID_MARKER", SLOW_SEND_MARKER);
    env.put("SWITCHBOARD_EXECUTOR_TEST_DELAY_TOOL", "email.send");
    env.put("SWITCHBOARD_EXECUTOR_TEST_DELAY_DURATION", SLOW_SEND.toSeconds() + "s");
    env.put("SWITCHBOARD_EFFECTS_TEST_HALT_FILE", home.resolve("test-halt").toString());
    return env;
  }

  record Result(int exitCode, String output) {}

  @Override
  public String bootstrapServers() {
    return "localhost:" + KAFKA_PORT;
  }

  @Override
  public String topicPrefix() {
    return "";
  }

  @Override
  public String handoffUrl() {
    return "http://localhost:" + (PORT_BASE + 4);
  }

  @Override
  public String traceUrl() {
    return "http://localhost:" + (PORT_BASE + 5);
  }

  @Override
  public String salesToolsUrl() {
    return "http://localhost:" + (PORT_BASE + 6);
  }

  @Override
  public String operatorToken() {
    try {
      return Files.readString(home.resolve("secrets/operator-token")).trim();
    } catch (IOException e) {
      throw new IllegalStateException("bin/switchboard up wrote no operator token", e);
    }
  }
}
