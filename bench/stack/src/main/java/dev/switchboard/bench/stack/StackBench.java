package dev.switchboard.bench.stack;

import dev.switchboard.bench.stack.RawRelay.Mode;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stack benchmark (bench/README.md): raw Kafka relays on the stack's broker, then the running
 * local stack with the bench agents, in one run; prints a Markdown table and JSON.
 */
public final class StackBench {
  private static final EventCodec CODEC = new EventCodec();
  private static final List<String> SERVICES =
      List.of(
          "planner-service",
          "guardrail-service",
          "executor-service",
          "handoff-service",
          "trace-service");

  /** Hops a step takes: guardrail, executor stream, executor worker, planner (see the README). */
  static final int STEP_HOPS = 4;

  /** No-op steps of the bench agent. */
  static final int AGENT_STEPS = 10;

  private final Map<String, String> options;
  private final String bootstrap;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<String[]> rows = new ArrayList<>();

  /** The raw ring's burst in this run (the throughput baseline), or null. */
  private RawRelay.Ring ring;

  /** Goals this run submitted, warm-ups included (the tracing bench's spans per goal). */
  private static final AtomicInteger SUBMITTED = new AtomicInteger();

  private StackBench(Map<String, String> options) {
    this.options = options;
    this.bootstrap = options.getOrDefault("bootstrap", "localhost:9092");
  }

  /**
   * The bench; {@code otlp-receiver ...} and {@code compare-tracing ...} run the tracing bench's.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("otlp-receiver")) {
      OtlpReceiver.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("compare-tracing")) {
      TracingComparison.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    new StackBench(options(args)).run();
  }

  /** Where {@code bin/switchboard} keeps the stack's pid files. */
  private Path pidDir() {
    return Path.of(options.getOrDefault("pid-dir", ".switchboard/run"));
  }

  private int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
  }

  private void run() throws Exception {
    long commitMs = option("commit-interval-ms", 10);
    json.put("load_at_start", load());
    json.put("commit_interval_ms", commitMs);
    json.put("jvm_flags", options.getOrDefault("jvm-flags", "?"));
    if (options.containsKey("up-seconds")) {
      double up = Double.parseDouble(options.get("up-seconds"));
      json.put("up_seconds", up);
      row("`bin/switchboard up` after `down`, warm build", "—", String.format("%.1f s", up), "—");
    }
    // Whatever was measured is printed, also when a later part fails.
    try {
      boolean rawParts = option("raw-messages", 250) > 0;
      Map<String, Percentiles> raw = rawParts ? rawBaselines(commitMs) : Map.of();
      if (rawParts && option("concurrent-goals", 1000) > 0) {
        ringBaseline(commitMs);
      }
      try (StackWatcher watcher = new StackWatcher(bootstrap);
          GoalClient goals = new GoalClient(bootstrap)) {
        if (option("latency-goals", 20) > 0) {
          stepLatency(watcher, goals, raw, commitMs);
        }
        if (option("concurrent-goals", 1000) > 0) {
          throughput(watcher, goals);
        }
        if (option("waiting-goals", 10_000) > 0) {
          waitingAndApprovals(watcher, goals);
        }
        if (option("ended-goals", 0) > 0) {
          endedGoals(watcher, goals);
        }
      }
    } finally {
      json.put("load_at_end", load());
      json.put("goals_submitted", SUBMITTED.get());
      print();
    }
  }

  private Map<String, Percentiles> rawBaselines(long commitMs) throws Exception {
    RawRelay relay = new RawRelay(bootstrap);
    int rate = option("raw-rate", 50);
    int messages = option("raw-messages", 250);
    Map<String, Percentiles> results = new LinkedHashMap<>();
    Map<String, Object> rawJson = new LinkedHashMap<>();
    for (int hops : List.of(1, 3, STEP_HOPS)) {
      for (Mode mode : Mode.values()) {
        String name = label(mode, hops, commitMs);
        System.err.println("raw relay: " + name);
        Percentiles p = relay.measure(mode, hops, commitMs, rate, 25, messages);
        results.put(mode + "/" + hops, p);
        rawJson.put(name, p.json());
        row("raw Kafka relay, " + name, p.text(), "—", "—");
      }
    }
    json.put("raw_relays", rawJson);
    return results;
  }

  /**
   * The throughput part's baseline: as many records as the burst has goals, each going round a ring
   * of a step's hops (exactly-once at the stack's commit interval) once per step of the bench
   * agent; the relays' CPU is this JVM's, the broker's its process's.
   */
  private void ringBaseline(long commitMs) throws Exception {
    int chains = option("concurrent-goals", 1000);
    int valueBytes = option("raw-value-bytes", 600);
    System.err.println(
        "raw ring: " + chains + " records × " + AGENT_STEPS + " laps of " + STEP_HOPS + " hops");
    CpuProbe cpu =
        new CpuProbe(
            pidDir(),
            List.of("kafka"),
            Map.of("relays", String.valueOf(ProcessHandle.current().pid())));
    Map<String, Double> before = cpu.cpuSeconds();
    ring =
        new RawRelay(bootstrap)
            .ring(STEP_HOPS, commitMs, chains, AGENT_STEPS, valueBytes, Duration.ofMinutes(10));
    Map<String, Double> perLap =
        CpuProbe.msPerStep(before, cpu.cpuSeconds(), (long) ring.completed() * AGENT_STEPS);
    String name =
        STEP_HOPS
            + "-hop ring, exactly-once every "
            + commitMs
            + " ms, "
            + chains
            + " records at once × "
            + AGENT_STEPS
            + " laps ("
            + valueBytes
            + " B)";
    row(
        "raw Kafka " + name + " → all round",
        String.format(
            "%.1f s, %.0f laps/s (%d of %d round); CPU per lap: %s",
            ring.seconds(), ring.lapsPerSecond(), ring.completed(), chains, cpuText(perLap)),
        "—",
        "—");
    Map<String, Object> ringJson = new LinkedHashMap<>();
    ringJson.put("hops", STEP_HOPS);
    ringJson.put("records", chains);
    ringJson.put("laps", AGENT_STEPS);
    ringJson.put("value_bytes", valueBytes);
    ringJson.put("completed", ring.completed());
    ringJson.put("seconds", Percentiles.round(ring.seconds()));
    ringJson.put("laps_per_second", Math.round(ring.lapsPerSecond()));
    ringJson.put("cpu_ms_per_lap", perLap);
    json.put("raw_ring", ringJson);
  }

  private static String label(Mode mode, int hops, long commitMs) {
    return hops
        + " hop"
        + (hops == 1 ? "" : "s")
        + ", "
        + switch (mode) {
          case PLAIN -> "plain";
          case EXACTLY_ONCE_PER_POLL -> "exactly-once, commit per poll";
          case EXACTLY_ONCE_INTERVAL -> "exactly-once, commit every " + commitMs + " ms";
        };
  }

  /** One goal at a time: the time between a goal's consecutive proposals is one step. */
  private void stepLatency(
      StackWatcher watcher, GoalClient goals, Map<String, Percentiles> raw, long commitMs)
      throws Exception {
    int count = option("latency-goals", 20);
    System.err.println("step latency: " + count + " bench goals one at a time");
    await(watcher, goals, "bench", 3, Duration.ofMinutes(2)); // warm up
    List<Long> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String goalId = await(watcher, goals, "bench", 1, Duration.ofMinutes(2)).getFirst();
      List<Long> arrivals = watcher.proposals.getOrDefault(goalId, List.of());
      for (int s = 1; s < arrivals.size(); s++) {
        steps.add(arrivals.get(s) - arrivals.get(s - 1));
      }
    }
    Percentiles step = Percentiles.ofNanos(steps);
    if (raw.isEmpty()) {
      row(
          "one step (plan → guardrail → executor → worker → planner), p50 / p99",
          "—",
          step.text(),
          "—");
      Map<String, Object> stepJson = new LinkedHashMap<>(step.json());
      stepJson.put("hops", STEP_HOPS);
      json.put("step", stepJson);
      return;
    }
    Percentiles perPoll = raw.get(Mode.EXACTLY_ONCE_PER_POLL + "/" + STEP_HOPS);
    Percentiles atInterval = raw.get(Mode.EXACTLY_ONCE_INTERVAL + "/" + STEP_HOPS);
    Percentiles plain = raw.get(Mode.PLAIN + "/" + STEP_HOPS);
    String ratios =
        String.format(
            "p50 %.2f× / p99 %.2f× EOS per poll; %.2f× / %.2f× EOS every %d ms; %.1f× / %.1f× plain (%d hops)",
            step.p50() / perPoll.p50(),
            step.p99() / perPoll.p99(),
            step.p50() / atInterval.p50(),
            step.p99() / atInterval.p99(),
            commitMs,
            step.p50() / plain.p50(),
            step.p99() / plain.p99(),
            STEP_HOPS);
    row(
        "one step (plan → guardrail → executor → worker → planner), p50 / p99",
        "—",
        step.text(),
        ratios);
    Map<String, Object> stepJson = new LinkedHashMap<>(step.json());
    stepJson.put("hops", STEP_HOPS);
    stepJson.put("ratio_p50_eos_per_poll", Percentiles.round(step.p50() / perPoll.p50()));
    stepJson.put("ratio_p99_eos_per_poll", Percentiles.round(step.p99() / perPoll.p99()));
    stepJson.put("ratio_p50_eos_interval", Percentiles.round(step.p50() / atInterval.p50()));
    stepJson.put("ratio_p99_eos_interval", Percentiles.round(step.p99() / atInterval.p99()));
    stepJson.put("ratio_p50_plain", Percentiles.round(step.p50() / plain.p50()));
    stepJson.put("ratio_p99_plain", Percentiles.round(step.p99() / plain.p99()));
    json.put("step", stepJson);
  }

  private void throughput(StackWatcher watcher, GoalClient goals) throws Exception {
    int count = option("concurrent-goals", 1000);
    int warmup = option("warmup-goals", 0);
    if (warmup > 0) {
      // Not measured: the services' first burst also pays for JIT compiles, caches filling and
      // the producers' batches growing, which moves a short burst's steps/s by 10-20 %.
      System.err.println("throughput warm-up: " + warmup + " bench goals at once, not measured");
      await(watcher, goals, "bench", warmup, Duration.ofMinutes(10));
    }
    System.err.println("throughput: " + count + " bench goals at once");
    long failedBefore = watcher.failedCount.get();
    CpuProbe cpu = stackCpu();
    Map<String, Double> cpuBefore = cpu.cpuSeconds();
    long started = System.nanoTime();
    await(watcher, goals, "bench", count, Duration.ofMinutes(10));
    long notCompleted = watcher.failedCount.get() - failedBefore;
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Double> cpuPerStep =
        CpuProbe.msPerStep(cpuBefore, cpu.cpuSeconds(), (long) count * AGENT_STEPS);
    double stepsPerSecond = count * AGENT_STEPS / seconds;
    boolean sameBurst = ring != null && ring.chains() == count && ring.completed() == count;
    row(
        count + " goals at once (" + AGENT_STEPS + " steps each) → all ended",
        sameBurst ? String.format("%.0f laps/s (the ring above)", ring.lapsPerSecond()) : "—",
        String.format(
            "%.1f s, %.0f steps/s (%d did not complete)", seconds, stepsPerSecond, notCompleted),
        sameBurst ? String.format("%.2f× the ring", stepsPerSecond / ring.lapsPerSecond()) : "—");
    Map<String, Object> throughputJson = new LinkedHashMap<>();
    throughputJson.put("goals", count);
    throughputJson.put("warmup_goals", warmup);
    throughputJson.put("seconds", Percentiles.round(seconds));
    throughputJson.put("steps_per_second", Math.round(stepsPerSecond));
    if (sameBurst) {
      throughputJson.put(
          "ratio_raw_ring", Math.round(stepsPerSecond / ring.lapsPerSecond() * 100) / 100.0);
    }
    throughputJson.put("cpu_ms_per_step", cpuPerStep);
    json.put("throughput", throughputJson);
    row(
        "CPU per step over that burst (user + system, /proc/<pid>/stat)",
        "—",
        cpuText(cpuPerStep),
        "—");
  }

  /** The five services', the broker's and (in the tracing bench) the OTLP receiver's CPU. */
  private CpuProbe stackCpu() {
    return new CpuProbe(
        pidDir(),
        Stream.concat(SERVICES.stream(), Stream.of("kafka")).toList(),
        options.containsKey("receiver-pid")
            ? Map.of("otlp-receiver", options.get("receiver-pid"))
            : Map.of());
  }

  private static String cpuText(Map<String, Double> msByComponent) {
    return msByComponent.entrySet().stream()
        .map(e -> e.getKey().replace("-service", "") + " " + e.getValue() + " ms")
        .collect(Collectors.joining(", "));
  }

  /** Submits goals of an agent, waits until each has an outcome, and returns their ids. */
  private static List<String> await(
      StackWatcher watcher, GoalClient goals, String agent, int count, Duration timeout)
      throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(goals.submit(agent, "bench goal", Map.of()));
      SUBMITTED.incrementAndGet();
    }
    waitUntil(
        () -> ids.stream().allMatch(watcher.outcomes::containsKey),
        timeout,
        "outcomes of " + agent);
    long failed = ids.stream().filter(id -> !watcher.outcomes.containsKey(id)).count();
    if (failed > 0) {
      throw new IllegalStateException(failed + " goals did not end");
    }
    return ids;
  }

  private void waitingAndApprovals(StackWatcher watcher, GoalClient goals) throws Exception {
    int waiting = option("waiting-goals", 10_000);
    int approvals = Math.min(waiting, option("approvals", 1000));
    HeapProbe heap = new HeapProbe(Path.of(options.getOrDefault("jcmd", "jcmd")), pidDir());
    System.err.println("heap: used after GC before " + waiting + " waiting goals");
    Map<String, Long> before = heap.usedAfterGc(SERVICES);
    long seen = watcher.approvalCount.get();
    long started = System.nanoTime();
    for (int i = 0; i < waiting; i++) {
      goals.submit("bench-approval", "bench waiting goal " + i, Map.of());
    }
    waitUntil(
        () -> watcher.approvalCount.get() - seen >= waiting,
        Duration.ofMinutes(15),
        "approval requests");
    double escalatedSeconds = (System.nanoTime() - started) / 1e9;
    // The handoff-service writes its items after the guardrail asks: give it the same drain time.
    Thread.sleep(TimeUnit.SECONDS.toMillis(option("settle-seconds", 10)));
    Map<String, Long> after = heap.usedAfterGc(SERVICES);
    Map<String, Object> perGoal = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (String service : SERVICES) {
      double kb = (after.get(service) - before.get(service)) / (double) waiting;
      perGoal.put(service, Percentiles.round(kb));
      text.append(text.isEmpty() ? "" : ", ")
          .append(service.replace("-service", ""))
          .append(String.format(" %.2f KB", kb));
    }
    row(
        "heap per goal waiting on a person, after GC (" + waiting + " waiting)",
        "—",
        text.toString(),
        "—");
    json.put("heap_kb_per_waiting_goal", perGoal);
    json.put("heap_kb_before", before);
    json.put("heap_kb_after", after);
    row(
        waiting + " goals submitted → all waiting on a person",
        "—",
        String.format("%.1f s", escalatedSeconds),
        "—");

    String token =
        Files.readString(
                Path.of(options.getOrDefault("token-file", ".switchboard/secrets/operator-token")))
            .trim();
    String inbox = options.getOrDefault("handoff-url", "http://localhost:8084");
    List<String> ids = new ArrayList<>(watcher.approvals).subList(0, approvals);
    int parallel = option("approval-threads", 8);
    AtomicInteger failures = new AtomicInteger();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    System.err.println("approvals: " + approvals + " through the API, " + parallel + " at a time");
    CpuProbe cpu = stackCpu();
    Map<String, Double> cpuBefore = cpu.cpuSeconds();
    long approvalStart = System.nanoTime();
    List<Long> each = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
      List<Future<?>> calls = new ArrayList<>();
      for (String id : ids) {
        calls.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  HttpRequest request =
                      HttpRequest.newBuilder(
                              URI.create(inbox + "/api/escalations/" + id + "/approve"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"bench\"}"))
                          .timeout(Duration.ofSeconds(60))
                          .build();
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  each.add(System.nanoTime() - t0);
                  if (response.statusCode() / 100 != 2) {
                    if (failures.incrementAndGet() <= 3) {
                      System.err.println(
                          "approve " + id + ": " + response.statusCode() + " " + response.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    }
    double approvalSeconds = (System.nanoTime() - approvalStart) / 1e9;
    Map<String, Double> cpuAnswered = cpu.cpuSeconds();
    // Each approval sets off the rest of its goal (verdict, send, result, outcome): its CPU counts
    // until every approved goal has ended.
    List<String> approvedGoals = ids.stream().map(watcher.approvalGoals::get).toList();
    waitUntil(
        () -> approvedGoals.stream().allMatch(watcher.outcomes::containsKey),
        Duration.ofMinutes(10),
        "the approved goals' outcomes");
    double endedSeconds = (System.nanoTime() - approvalStart) / 1e9;
    Map<String, Double> cpuEnded = cpu.cpuSeconds();
    Map<String, Double> apiCpu = CpuProbe.msPerStep(cpuBefore, cpuAnswered, approvals);
    Map<String, Double> wholeCpu = CpuProbe.msPerStep(cpuBefore, cpuEnded, approvals);
    Percentiles one = Percentiles.ofNanos(each);
    row(
        approvals
            + " approvals through the API (service token, "
            + parallel
            + " in parallel, "
            + waiting
            + " waiting)",
        "—",
        String.format(
            "%.1f s, %.0f per second; one takes %s; %d refused",
            approvalSeconds, approvals / approvalSeconds, one.text(), failures.get()),
        "—");
    row(
        "CPU per approval while the API answered (user + system, /proc/<pid>/stat)",
        "—",
        cpuText(apiCpu),
        "—");
    row(
        String.format(
            "CPU per approval until its goal ended (all ended %.1f s after the first call)",
            endedSeconds),
        "—",
        cpuText(wholeCpu),
        "—");
    Map<String, Object> approvalJson = new LinkedHashMap<>();
    approvalJson.put("count", approvals);
    approvalJson.put("seconds", Percentiles.round(approvalSeconds));
    approvalJson.put("per_second", Math.round(approvals / approvalSeconds));
    approvalJson.put("one", one.json());
    approvalJson.put("failures", failures.get());
    approvalJson.put("cpu_ms_per_approval_answering", apiCpu);
    approvalJson.put("ended_seconds", Percentiles.round(endedSeconds));
    approvalJson.put("cpu_ms_per_approval_until_ended", wholeCpu);
    json.put("approvals", approvalJson);
  }

  /**
   * What the services keep of ended goals: used heap after GC and the size of their state
   * directories, before and after {@code ended-goals} one-step goals ended and the retention the
   * stack runs with ({@code SWITCHBOARD_RETENTION_ENDED_GOALS}, given as {@code retention-seconds})
   * has passed for all of them.
   */
  private void endedGoals(StackWatcher watcher, GoalClient goals) throws Exception {
    int count = option("ended-goals", 0);
    int wave = option("ended-wave", 500);
    long retentionSeconds = option("retention-seconds", 30);
    HeapProbe heap = new HeapProbe(Path.of(options.getOrDefault("jcmd", "jcmd")), pidDir());
    Path stateDir = Path.of(options.getOrDefault("state-dir", ".switchboard/state"));
    System.err.println("ended goals: heap and state before " + count + " one-step goals");
    Map<String, Long> heapBefore = heap.usedAfterGc(SERVICES);
    Map<String, Long> diskBefore = diskKb(stateDir);
    // Heap after GC on the way too (every ended-sample goals, a quarter by default), so that
    // "flat" is a series, not two points; goals still inside their retention are in these.
    int sample = option("ended-sample", Math.max(wave, count / 4));
    Map<String, Object> series = new LinkedHashMap<>();
    long started = System.nanoTime();
    int nextSample = sample;
    for (int done = 0; done < count; ) {
      int batch = Math.min(wave, count - done);
      await(watcher, goals, "bench-one", batch, Duration.ofMinutes(10));
      done += batch;
      if (done % 5_000 == 0) {
        System.err.printf("  %d ended (%.0f s)%n", done, (System.nanoTime() - started) / 1e9);
      }
      if (done >= nextSample && done < count) {
        nextSample += sample;
        Map<String, Long> now = heap.usedAfterGc(SERVICES);
        Map<String, Long> delta = new LinkedHashMap<>();
        now.forEach((service, kb) -> delta.put(service, kb - heapBefore.get(service)));
        series.put(String.valueOf(done), delta);
        StringBuilder onTheWay = new StringBuilder();
        delta.forEach(
            (service, kb) ->
                onTheWay
                    .append(onTheWay.isEmpty() ? "" : ", ")
                    .append(service.replace("-service", ""))
                    .append(String.format(" %+d KB", kb)));
        row(
            done + " of " + count + " goals ended: change in heap after GC",
            "—",
            onTheWay.toString(),
            "—");
        System.err.printf(
            "  %d ended (%.0f s): heap change KB %s%n",
            done, (System.nanoTime() - started) / 1e9, delta);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // The last goal's retention, one timer interval and a commit, then a margin for the machine.
    Thread.sleep(TimeUnit.SECONDS.toMillis(retentionSeconds + option("settle-seconds", 10)));
    Map<String, Long> heapAfter = heap.usedAfterGc(SERVICES);
    Map<String, Long> diskAfter = diskKb(stateDir);
    StringBuilder text = new StringBuilder();
    Map<String, Object> perService = new LinkedHashMap<>();
    for (String service : SERVICES) {
      long heapKb = heapAfter.get(service) - heapBefore.get(service);
      long diskKb = diskAfter.getOrDefault(service, 0L) - diskBefore.getOrDefault(service, 0L);
      perService.put(service, Map.of("heap_kb", heapKb, "state_dir_kb", diskKb));
      text.append(text.isEmpty() ? "" : ", ")
          .append(service.replace("-service", ""))
          .append(String.format(" heap %+d KB, state %+d KB", heapKb, diskKb));
    }
    row(
        count
            + " goals ended ("
            + String.format("%.0f s", seconds)
            + "), after a "
            + retentionSeconds
            + " s retention: change in heap after GC and state on disk",
        "—",
        text.toString(),
        "—");
    json.put(
        "ended_goals",
        Map.of(
            "count",
            count,
            "seconds",
            Percentiles.round(seconds),
            "retention_seconds",
            retentionSeconds,
            "by_service",
            perService,
            "heap_kb_on_the_way",
            series));
  }

  /** KB on disk under each service's state directory (RocksDB stores and checkpoints). */
  private static Map<String, Long> diskKb(Path stateDir) throws Exception {
    Map<String, Long> kb = new LinkedHashMap<>();
    for (String service : SERVICES) {
      Path dir = stateDir.resolve(service);
      long bytes = 0;
      if (Files.isDirectory(dir)) {
        try (var files = Files.walk(dir)) {
          bytes =
              files
                  .filter(Files::isRegularFile)
                  .mapToLong(
                      file -> {
                        try {
                          return Files.size(file);
                        } catch (Exception gone) {
                          return 0; // RocksDB compacted it away meanwhile
                        }
                      })
                  .sum();
        }
      }
      kb.put(service, bytes / 1024);
    }
    return kb;
  }

  private static void waitUntil(BooleanSupplier done, Duration timeout, String what)
      throws InterruptedException {
    long giveUp = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private void row(String what, String raw, String stack, String ratio) {
    rows.add(new String[] {what, raw, stack, ratio});
    System.err.println(
        "  " + what + ": " + (raw.equals("—") ? "" : raw + " ") + stack + " " + ratio);
  }

  private void print() throws Exception {
    StringBuilder table = new StringBuilder();
    table.append("| what | raw Kafka | Switchboard | ratio |\n|---|---|---|---|\n");
    for (String[] row : rows) {
      table.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    table.append("\nload (uptime) at start: ").append(json.get("load_at_start"));
    table.append("; at end: ").append(json.get("load_at_end"));
    table.append("; commit.interval.ms ").append(json.get("commit_interval_ms"));
    table.append("; service JVM flags: ").append(json.get("jvm_flags")).append('\n');
    System.out.println(table);
    String jsonText = CODEC.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
    System.out.println(jsonText);
    Path out = Path.of(options.getOrDefault("out", "bench/stack/target"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("stack-bench.md"), table, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("stack-bench.json"), jsonText, StandardCharsets.UTF_8);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }
}
