package dev.switchboard.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.edge.GoalStreamTopology;
import dev.switchboard.edge.testing.TopicProbe;
import dev.switchboard.websecurity.ServiceTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Two handoff instances against the embedded broker, sharing the inbox's partitions: either one
 * lists every item and answers for any item (forwarding to the goal's owner), each answer is
 * written once, and a refusal from the guardrail opens the item again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoffIT {
  static final String TOKEN = "handoff-it-bot-token-0123456789";
  private static final String MANAGERS_TOKEN = "handoff-it-managers-token-0123456789";
  private static final String PEER_TOKEN = "handoff-it-peer-token-0123456789";
  private static final String PREFIX = "handoff-it-";
  private static final int PARTITIONS = 3;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final RestClient http = RestClient.create();
  private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  private TopicProbe probe;

  @BeforeAll
  void startTwoInstances() throws IOException {
    String brokers = System.getProperty("spring.embedded.kafka.brokers");
    probe = new TopicProbe(brokers, new TopicNames(PREFIX));
    for (int i = 0; i < 2; i++) {
      int port = freePort();
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("server.port", Integer.toString(port));
      settings.put("spring.kafka.bootstrap-servers", brokers);
      settings.put("switchboard.kafka.topic-prefix", PREFIX);
      settings.put("switchboard.kafka.partitions", Integer.toString(PARTITIONS));
      settings.put("switchboard.handoff.advertised-address", "localhost:" + port);
      settings.put("switchboard.handoff.peer-token", PEER_TOKEN);
      settings.put("switchboard.handoff.service-tokens[0].name", "ticket-bot");
      settings.put("switchboard.handoff.service-tokens[0].token-hash", ServiceTokens.hash(TOKEN));
      settings.put("switchboard.handoff.service-tokens[0].roles", "approvers");
      settings.put("switchboard.handoff.service-tokens[1].name", "managers-bot");
      settings.put(
          "switchboard.handoff.service-tokens[1].token-hash", ServiceTokens.hash(MANAGERS_TOKEN));
      settings.put("switchboard.handoff.service-tokens[1].roles", "managers");
      // Nobody answers the night queue in time: its items move on to the approvers.
      settings.put("switchboard.handoff.next-queues[human:night]", "human:approvers");
      instances.add(
          new SpringApplicationBuilder(HandoffApplication.class)
              .run(
                  settings.entrySet().stream()
                      .map(e -> "--" + e.getKey() + "=" + e.getValue())
                      .toArray(String[]::new)));
      urls.add("http://localhost:" + port);
    }
    // Both instances own partitions, and each knows where the other is.
    await()
        .atMost(WAIT)
        .until(
            () ->
                instances.stream()
                    .map(HandoffIT::streams)
                    .allMatch(
                        streams ->
                            streams.state() == KafkaStreams.State.RUNNING
                                && streams.streamsMetadataForStore(GoalStreamTopology.STORE).size()
                                    == 2));
  }

  @AfterAll
  void stop() {
    instances.forEach(ConfigurableApplicationContext::close);
    if (probe != null) {
      probe.close();
    }
  }

  @Test
  void shouldListAndAnswerEveryItemFromEitherInstanceAndWriteEachAnswerOnce() {
    List<ApprovalRequested> approvals = new ArrayList<>();
    for (String goalId : goalsOnEveryPartition("cluster")) {
      ApprovalRequested approval =
          Escalations.approvalRequested(goalId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      probe.send(Topics.ESCALATION, approval);
      approvals.add(approval);
    }
    Set<String> ids =
        new HashSet<>(approvals.stream().map(ApprovalRequested::escalationId).toList());

    for (String url : urls) {
      await().atMost(WAIT).until(() -> pendingIds(url).containsAll(ids));
    }
    for (int i = 0; i < approvals.size(); i++) {
      ApprovalRequested approval = approvals.get(i);
      String via = urls.get(i % 2);
      ResponseEntity<String> approved =
          post(via, approval.escalationId(), "approve", "{\"comment\":\"via " + i + "\"}");
      assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.ACCEPTED);
      ResponseEntity<String> again =
          post(urls.get((i + 1) % 2), approval.escalationId(), "approve", null);
      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(json(again.getBody()).get("eventId").asString())
          .isEqualTo(json(approved.getBody()).get("eventId").asString());
      assertThat(post(via, approval.escalationId(), "deny", "{\"reason\":\"no\"}").getStatusCode())
          .isEqualTo(HttpStatus.CONFLICT);
    }

    for (ApprovalRequested approval : approvals) {
      Approved resolution = probe.awaitEvent(Topics.RESOLUTION, approval.goalId(), Approved.class);
      assertThat(resolution.escalationId()).isEqualTo(approval.escalationId());
      assertThat(resolution.actor()).isEqualTo("ticket-bot");
      assertThat(resolution.audit().authenticatedBy()).isEqualTo("service-token");
      assertThat(resolution.causationId()).isEqualTo(approval.eventId());
      for (String url : urls) {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    "RESOLVED".equals(item(url, approval.escalationId()).get("status").asString()));
      }
      assertThat(probe.events(Topics.RESOLUTION, approval.goalId())).hasSize(1);
    }
  }

  /** A 2 MB comment is refused before it is read (or anyone signed in), and nothing is written. */
  @Test
  void shouldRefuseAnOversizedAnswerWith413() throws Exception {
    String goalId = goalsOnEveryPartition("oversized").getFirst();
    ApprovalRequested approval =
        Escalations.approvalRequested(goalId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    probe.send(Topics.ESCALATION, approval);
    await().atMost(WAIT).until(() -> pendingIds(urls.get(0)).contains(approval.escalationId()));

    java.net.http.HttpResponse<String> refused;
    try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
      refused =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      URI.create(
                          urls.get(0) + "/api/escalations/" + approval.escalationId() + "/approve"))
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                  .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"comment\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue(HttpHeaders.CONTENT_TYPE))
        .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(json(refused.body()).get("detail").asString()).contains("exceeds the limit");
    assertThat(item(urls.get(0), approval.escalationId()).get("status").asString())
        .isEqualTo("PENDING");
    assertThat(probe.events(Topics.RESOLUTION, goalId)).isEmpty();
  }

  @Test
  void shouldOpenAnItemAgainWhenTheGuardrailRefusesItsAnswer() {
    String goalId = goalsOnEveryPartition("refused").getFirst();
    ApprovalRequested approval =
        Escalations.approvalRequested(goalId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    probe.send(Topics.ESCALATION, approval);
    await().atMost(WAIT).until(() -> pendingIds(urls.get(0)).contains(approval.escalationId()));

    assertThat(post(urls.get(1), approval.escalationId(), "approve", null).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    ResolutionEvent approved = probe.awaitEvent(Topics.RESOLUTION, goalId, Approved.class);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "RESOLVED"
                    .equals(item(urls.get(0), approval.escalationId()).get("status").asString()));
    probe.send(
        Topics.ESCALATION,
        Escalations.refused(approved, "'ticket-bot' is not on the guardrail's list of approvers"));

    JsonNode reopened =
        await()
            .atMost(WAIT)
            .until(
                () -> item(urls.get(0), approval.escalationId()),
                item -> "PENDING".equals(item.get("status").asString()));
    assertThat(reopened.get("refusal").asString()).contains("not on the guardrail's list");
    assertThat(reopened.get("history").valueStream().map(h -> h.get("what").asString()).toList())
        .containsExactly("ApprovalRequested", "Approved", "ResolutionRefused");
  }

  /**
   * The SLA on the edge's durable timers: an escalation nobody answers is reminded, moved from the
   * night queue to the approvers with its SLA again, reminded there, and expires; every event is
   * written once and carries the trace the escalation came with.
   */
  @Test
  void shouldRemindMoveAndExpireAnEscalationNobodyAnswers() {
    List<String> onOnePartition = goalsOnEveryPartition("sla").subList(0, 2);
    String goalId = onOnePartition.get(0);
    // A first expiry on the same partition, so the timing below does not include start-up work.
    ApprovalRequested warmUp =
        Escalations.approvalRequested(
            onOnePartition.get(1),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            null,
            false,
            Duration.ofSeconds(1));
    probe.send(Topics.ESCALATION, warmUp);
    probe.awaitEvent(Topics.RESOLUTION, warmUp.goalId(), ResolutionEvent.Expired.class, WAIT);

    ApprovalRequested approval =
        Escalations.approvalRequested(
            goalId,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            "human:night",
            Duration.ofSeconds(8),
            null);
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    probe.sendRaw(
        probe.names().of(Topics.ESCALATION),
        goalId,
        probe.codec().encode(approval),
        Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

    ResolutionEvent.Expired expired =
        probe.awaitEvent(Topics.RESOLUTION, goalId, ResolutionEvent.Expired.class, WAIT);
    assertThat(Duration.between(approval.occurredAt(), expired.occurredAt()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(16));

    List<ResolutionEvent> written = probe.events(Topics.RESOLUTION, goalId);
    assertThat(written)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("DeadlineNear", "Reassigned", "DeadlineNear", "Expired");
    assertThat(written).allSatisfy(e -> assertThat(e.actor()).isEqualTo(SlaClock.ACTOR));
    assertThat(written).allSatisfy(e -> assertThat(e.audit().traceId()).isEqualTo(traceId));
    assertThat(((ResolutionEvent.Reassigned) written.get(1)).newOwner())
        .isEqualTo("human:approvers");
    assertThat(expired.reason()).contains("human:approvers");
    JsonNode item =
        await()
            .atMost(WAIT)
            .until(
                () -> item(urls.get(0), approval.escalationId()),
                shown -> "Expired".equals(shown.path("resolution").asString()));
    assertThat(item.get("queue").asString()).isEqualTo("human:approvers");
    assertThat(item.get("traceId").asString()).isEqualTo(traceId);
    assertThat(item.get("history").valueStream().map(h -> h.get("what").asString()).toList())
        .containsExactly(
            "ApprovalRequested", "DeadlineNear", "Reassigned", "DeadlineNear", "Expired");
  }

  /**
   * The guardrail's policy decides what expiry does, over {@code next-queues}: the night queue has
   * a next queue (the approvers), but one escalation's policy moves it to the managers instead, and
   * another's denies it at its first deadline.
   */
  @Test
  void shouldFollowThePolicysExpiryOverTheConfiguredNextQueue() {
    List<String> goals = goalsOnEveryPartition("policy-sla").subList(0, 2);
    ApprovalRequested toManagers =
        inNightQueue(goals.get(0), new ExpiryRoute(List.of("human:managers")));
    ApprovalRequested denied = inNightQueue(goals.get(1), ExpiryRoute.deny());
    probe.send(Topics.ESCALATION, toManagers);
    probe.send(Topics.ESCALATION, denied);

    probe.awaitEvent(Topics.RESOLUTION, toManagers.goalId(), ResolutionEvent.Expired.class, WAIT);
    probe.awaitEvent(Topics.RESOLUTION, denied.goalId(), ResolutionEvent.Expired.class, WAIT);

    List<ResolutionEvent> moved = probe.events(Topics.RESOLUTION, toManagers.goalId());
    assertThat(moved)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("DeadlineNear", "Reassigned", "DeadlineNear", "Expired");
    assertThat(((ResolutionEvent.Reassigned) moved.get(1)).newOwner())
        .as("the policy's queue, not next-queues[human:night]")
        .isEqualTo("human:managers");
    assertThat(probe.events(Topics.RESOLUTION, denied.goalId()))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("DeadlineNear", "Expired");
    // Moved to the managers' queue, the item is theirs to see (not the approvers' bot's).
    assertThat(
            item(urls.get(1), toManagers.escalationId(), MANAGERS_TOKEN)
                .path("onExpiry")
                .path("moveTo"))
        .extracting(JsonNode::asString)
        .containsExactly("human:managers");
  }

  private static ApprovalRequested inNightQueue(String goalId, ExpiryRoute onExpiry) {
    return Escalations.approvalRequested(
        goalId,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        "human:night",
        Duration.ofSeconds(4),
        onExpiry);
  }

  /**
   * A goal goes only to an agent the planner's agents catalog lists, however the request reaches
   * the owner: an unknown one is a 400 naming it and the known ones, and nothing is written.
   */
  @Test
  void shouldHandAGoalOnlyToAnAgentTheAgentsCatalogLists() throws Exception {
    String goalId = goalsOnEveryPartition("to-agent").getFirst();
    HandoffRequested handoff =
        Escalations.handoffRequested(
            goalId, Instant.now().truncatedTo(ChronoUnit.MILLIS), "human:approvers");
    probe.send(Topics.ESCALATION, handoff);
    // The planner creates and writes the catalog; here the test does, unsigned as all else here.
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers")))) {
      admin
          .createTopics(List.of(new NewTopic(probe.names().of(Catalogs.AGENTS), 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    probe.sendRaw(
        probe.names().of(Catalogs.AGENTS),
        "scout",
        probe
            .codec()
            .encode(
                new AgentEntry(
                    "scout",
                    "sha256:" + "0".repeat(64),
                    "finds things out",
                    "deterministic",
                    List.of(),
                    List.of(),
                    new AgentEntry.Budgets(
                        5, Duration.ofMinutes(5), 1_000, java.math.BigDecimal.ONE, 2))));
    for (String url : urls) {
      await().atMost(WAIT).until(() -> pendingIds(url).contains(handoff.escalationId()));
    }

    for (String url : urls) {
      // Each instance follows the catalog; the owner's problem comes back whole through the other.
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                ResponseEntity<String> refused =
                    post(url, handoff.escalationId(), "reassign", "{\"to\":\"agent:nobody\"}");
                assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                JsonNode problem = json(refused.getBody());
                assertThat(problem.get("type").asString()).endsWith("/unknown-agent");
                assertThat(problem.get("agent").asString()).isEqualTo("agent:nobody");
                assertThat(problem.get("knownAgents").toString()).contains("\"agent:scout\"");
                assertThat(problem.get("detail").asString()).contains("there is no agent:nobody");
              });
    }
    assertThat(probe.events(Topics.RESOLUTION, goalId)).isEmpty();

    ResponseEntity<String> handed =
        post(urls.get(1), handoff.escalationId(), "reassign", "{\"to\":\"agent:scout\"}");
    assertThat(handed.getStatusCode()).as(handed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(probe.awaitEvent(Topics.RESOLUTION, goalId, Reassigned.class).newOwner())
        .isEqualTo("agent:scout");
  }

  @Test
  void shouldKeepHealthOpenAndTheApiClosed() {
    ResponseEntity<String> health = get(urls.get(0) + "/actuator/health/liveness", null);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(urls.get(0) + "/api/escalations", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(urls.get(0) + "/internal/inbox/items", TOKEN).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Two goal ids per partition, so both instances hold some of them. */
  private static List<String> goalsOnEveryPartition(String label) {
    Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
    while (byPartition.values().stream().mapToInt(List::size).sum() < 2 * PARTITIONS) {
      String goalId = label + "-" + UUID.randomUUID();
      int partition =
          Utils.toPositive(Utils.murmur2(goalId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      List<String> goals = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
      if (goals.size() < 2) {
        goals.add(goalId);
      }
    }
    return byPartition.values().stream().flatMap(List::stream).toList();
  }

  private Set<String> pendingIds(String url) {
    ResponseEntity<String> response = get(url + "/api/escalations?size=200", TOKEN);
    if (!response.getStatusCode().is2xxSuccessful()) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    json(response.getBody())
        .get("items")
        .forEach(item -> ids.add(item.get("escalationId").asString()));
    return ids;
  }

  private JsonNode item(String url, String escalationId) {
    return item(url, escalationId, TOKEN);
  }

  private JsonNode item(String url, String escalationId, String token) {
    ResponseEntity<String> response = get(url + "/api/escalations/" + escalationId, token);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response.getBody());
  }

  private ResponseEntity<String> get(String url, String token) {
    return http.get()
        .uri(URI.create(url))
        .headers(headers -> authorize(headers, token))
        .retrieve()
        .onStatus(status -> true, (req, res) -> {})
        .toEntity(String.class);
  }

  private ResponseEntity<String> post(
      String url, String escalationId, String decision, String body) {
    RestClient.RequestBodySpec request =
        http.post()
            .uri(URI.create(url + "/api/escalations/" + escalationId + "/" + decision))
            .headers(headers -> authorize(headers, TOKEN));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().onStatus(status -> true, (req, res) -> {}).toEntity(String.class);
  }

  private static void authorize(HttpHeaders headers, String token) {
    if (token != null) {
      headers.setBearerAuth(token);
    }
  }

  private static KafkaStreams streams(ConfigurableApplicationContext context) {
    KafkaStreams streams =
        context.getBean("&goalStreams", StreamsBuilderFactoryBean.class).getKafkaStreams();
    assertThat(streams).isNotNull();
    return streams;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JsonNode json(String body) {
    return Escalations.CODEC.mapper().readTree(body);
  }
}
