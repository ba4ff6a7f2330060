package dev.switchboard.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.planner.llm.OpenAiStubServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ReAct against plan-and-execute on a running local stack (bench/README.md): the same scripted
 * model (the OpenAI-compatible stub, 300 ms per answer, answering whatever the planner asks) serves
 * both; a goal needs six independent account lookups and one CRM entry, which the bench approves as
 * a person would. Real Kafka round trips, the guardrail, the executor's parallel tool calls on the
 * example MCP server. Counts model calls and wall time per goal; asserts only that the goals
 * completed.
 */
class PlanningModesBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The six independent lookups: each account of the example server by name, two also by id. */
  static final List<String> LOOKUPS =
      List.of(
          "{\"account\":\"ACME\"}",
          "{\"account\":\"Globex\"}",
          "{\"account\":\"Initech\"}",
          "{\"account\":\"Umbrella\"}",
          "{\"account_id\":\"acct-acme\"}",
          "{\"account_id\":\"acct-globex\"}");

  static final String WRITE =
      "{\"account_id\":\"acct-acme\",\"kind\":\"note\",\"summary\":\"six accounts looked up\"}";

  private final String bootstrap = System.getProperty("bench.bootstrap");
  private final String handoffUrl =
      System.getProperty("bench.handoff-url", "http://localhost:8084");
  private final int modelPort = Integer.getInteger("bench.model-port", 8089);
  private final int goalsPerMode = Integer.getInteger("bench.goals", 3);
  private final Duration latency = Duration.ofMillis(Long.getLong("bench.model-latency-ms", 300));
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void compareReactWithPlanAndExecute() throws Exception {
    Assumptions.assumeTrue(
        bootstrap != null, "needs a running local stack: -Dbench.bootstrap=<its broker>");
    String token =
        Files.readString(
                Path.of(
                    System.getProperty("bench.token-file", ".switchboard/secrets/operator-token")))
            .strip();
    Map<String, List<long[]>> runs = new HashMap<>();
    String loadAtStart = load();
    try (OpenAiStubServer model =
            new OpenAiStubServer(modelPort)
                .latency(latency)
                .respondWith(PlanningModesBenchmark::answer);
        GoalClient goals =
            new GoalClient(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new TopicNames(System.getProperty("bench.topic-prefix", "")));
        ScheduledExecutorService approver = Executors.newSingleThreadScheduledExecutor()) {
      Set<String> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
      approver.scheduleWithFixedDelay(
          () -> open.forEach(goalId -> approvePending(goalId, token)),
          50,
          50,
          TimeUnit.MILLISECONDS);
      // One warm-up goal each, then the modes alternate so the machine's load hits both alike.
      for (int i = 0; i <= goalsPerMode; i++) {
        for (String agent : List.of("bench-react", "bench-plan")) {
          int before = model.requests().size();
          long started = System.nanoTime();
          String goalId =
              goals.submit(agent, "Look up six accounts and log a note on ACME", Map.of());
          open.add(goalId);
          OutcomeEvent outcome = goals.awaitOutcome(goalId, Duration.ofMinutes(5));
          long nanos = System.nanoTime() - started;
          open.remove(goalId);
          assertThat(outcome).as("%s goal %s", agent, goalId).isInstanceOf(GoalCompleted.class);
          int calls = model.requests().size() - before;
          System.out.printf(
              Locale.ROOT,
              "%s%s: %d model calls, %.2f s%n",
              agent,
              i == 0 ? " (warm-up)" : "",
              calls,
              nanos / 1e9);
          if (i > 0) {
            runs.computeIfAbsent(agent, a -> new ArrayList<>()).add(new long[] {calls, nanos});
          }
        }
      }
      approver.shutdownNow();
    }
    report(runs, loadAtStart);
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static void report(Map<String, List<long[]>> runs, String loadAtStart)
      throws IOException {
    StringBuilder rounds = new StringBuilder();
    rounds.append("| round | ReAct calls | ReAct time | plan-and-execute calls |");
    rounds.append(" plan-and-execute time | time ratio |\n|---|---|---|---|---|---|\n");
    List<long[]> react = runs.get("bench-react");
    List<long[]> plan = runs.get("bench-plan");
    List<long[]> ratios = new ArrayList<>();
    for (int i = 0; i < react.size(); i++) {
      // Per mille: median() takes whole numbers.
      ratios.add(new long[] {Math.round(1000.0 * plan.get(i)[1] / react.get(i)[1])});
      rounds.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.2f s | %d | %.2f s | %.2f× |%n",
              i + 1,
              react.get(i)[0],
              react.get(i)[1] / 1e9,
              plan.get(i)[0],
              plan.get(i)[1] / 1e9,
              plan.get(i)[1] / (double) react.get(i)[1]));
    }
    double reactCalls = median(runs.get("bench-react"), 0);
    double planCalls = median(runs.get("bench-plan"), 0);
    double reactSeconds = median(runs.get("bench-react"), 1) / 1e9;
    double planSeconds = median(runs.get("bench-plan"), 1) / 1e9;
    String table =
        String.format(
            Locale.ROOT,
            """
            load average at start: %s; at end: %s
            %s
            | mode | model calls per goal (median) | wall time per goal (median) |
            |---|---|---|
            | ReAct | %.0f | %.2f s |
            | plan-and-execute | %.0f | %.2f s |
            | plan-and-execute / ReAct | %.2f× | %.2f× (median of the rounds' ratios %.2f×) |
            """,
            loadAtStart,
            load(),
            rounds,
            reactCalls,
            reactSeconds,
            planCalls,
            planSeconds,
            planCalls / reactCalls,
            planSeconds / reactSeconds,
            median(ratios, 0) / 1000);
    System.out.print(table);
    Path out = Path.of("target/planning-modes.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }

  private static double median(List<long[]> runs, int column) {
    List<Long> values = runs.stream().map(run -> run[column]).sorted().toList();
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
  }

  /**
   * The scripted model: every lookup it has no result for yet, all in one reply (the planner's mode
   * decides how many it takes); then the CRM entry; then finish. It reads only the conversation.
   */
  static OpenAiStubServer.Answer answer(JsonNode request) {
    Map<String, String> callArguments = new HashMap<>();
    Set<String> done = new LinkedHashSet<>();
    List<JsonNode> messages = request.path("messages").valueStream().toList();
    for (JsonNode message : messages) {
      for (JsonNode call : message.path("tool_calls").values()) {
        callArguments.put(
            call.path("id").asString(),
            call.path("function").path("name").asString()
                + " "
                + JSON.readTree(call.path("function").path("arguments").asString("{}")));
      }
      if (message.path("role").asString().equals("tool") && ran(message)) {
        String call = callArguments.get(message.path("tool_call_id").asString());
        if (call != null) {
          done.add(call);
        }
      }
    }
    String turn = "m" + messages.size() + "-";
    List<String[]> calls = new ArrayList<>();
    for (String lookup : LOOKUPS) {
      if (!done.contains("crm__lookup_account " + JSON.readTree(lookup))) {
        calls.add(new String[] {turn + calls.size(), "crm__lookup_account", lookup});
      }
    }
    if (calls.isEmpty() && !done.contains("crm__log_activity " + JSON.readTree(WRITE))) {
      calls.add(new String[] {turn + "w", "crm__log_activity", WRITE});
    }
    if (calls.isEmpty()) {
      calls.add(
          new String[] {
            turn + "f", "switchboard_finish", "{\"summary\":\"looked up and logged\"}"
          });
    }
    return OpenAiStubServer.toolCallsAnswer(40 * messages.size(), 25 * calls.size(), calls);
  }

  /** A tool message that carries a result (not "not run", "no result yet", a failure, a denial). */
  private static boolean ran(JsonNode message) {
    String content = message.path("content").asString("");
    return !(content.startsWith("not run")
        || content.startsWith("no result")
        || content.startsWith("failed")
        || content.startsWith("denied"));
  }

  private void approvePending(String goalId, String token) {
    try {
      HttpResponse<String> list =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          handoffUrl
                              + "/api/escalations?goalId="
                              + URLEncoder.encode(goalId, StandardCharsets.UTF_8)))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (list.statusCode() != 200) {
        return;
      }
      for (JsonNode item : JSON.readTree(list.body()).path("items").values()) {
        if (goalId.equals(item.path("goalId").asString())
            && "PENDING".equals(item.path("status").asString())) {
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          handoffUrl
                              + "/api/escalations/"
                              + item.path("escalationId").asString()
                              + "/approve"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"bench\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
        }
      }
    } catch (IOException e) {
      System.err.println("approving " + goalId + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
