package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace-service against the module's embedded KRaft broker: events from several topics become
 * one ordered journal, and records it cannot read go to the dead-letter topics without stopping it.
 * Also exercises the kafka-edge: topic creation, decoding, deduplication and dead letters.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.trace.operator-token=" + TraceServiceIT.OPERATOR_TOKEN
    })
@AutoConfigureMockMvc
class TraceServiceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String TEST_HEADER = "x-test-origin";
  static final String OPERATOR_TOKEN = "trace-it-operator-token";

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired private MockMvc mvc;
  @Autowired private TopicNames names;

  @Value("${spring.embedded.kafka.brokers}")
  private String brokers;

  private TopicProbe probe;

  @BeforeEach
  void connect() {
    probe = new TopicProbe(brokers, names);
  }

  @AfterEach
  void disconnect() {
    probe.close();
  }

  @Test
  void shouldBeReadyOnceTheGoalStreamRuns() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              MockHttpServletResponse response = call("/actuator/health/readiness");
              assertThat(response.getStatus()).isEqualTo(200);
              assertThat(body(response).path("status").asString()).isEqualTo("UP");
            });
  }

  @Test
  void shouldJournalEventsFromEveryTopicInTheOrderTheyHappened() {
    DemoGoal goal = DemoGoal.random();
    // Sent newest first, across topics: the journal orders by occurredAt, not by arrival.
    send(Topics.VERDICT, goal.sendEscalated(6));
    send(Topics.ESCALATION, goal.approvalRequested(7));
    send(Topics.ACTION_RESULT, goal.lookupSucceeded(4));
    send(Topics.PLAN, goal.sendProposed(5));
    send(Topics.ACTION_REQUEST, goal.lookupRequested(3));
    send(Topics.VERDICT, goal.lookupAllowed(2));
    send(Topics.PLAN, goal.lookupProposed(1));
    send(Topics.GOALS, goal.submitted(0));

    JsonNode waiting = awaitJournal(goal.goalId, journal -> journal.path("events").size() == 8);

    assertThat(waiting.path("status").asString()).isEqualTo("WAITING_FOR_HUMAN");
    assertThat(waiting.path("agent").asString()).isEqualTo("demo");
    assertThat(waiting.path("description").asString()).isEqualTo("Tell ACME");
    assertThat(waiting.path("submittedAt").asString()).isEqualTo(DemoGoal.at(0).toString());
    assertThat(waiting.path("updatedAt").asString()).isEqualTo(DemoGoal.at(7).toString());
    assertThat(textsOf(waiting, "topic"))
        .containsExactly(
            "goals",
            "plan",
            "verdict",
            "action-request",
            "action-result",
            "plan",
            "verdict",
            "escalation");
    assertThat(textsOf(waiting, "type"))
        .containsExactly(
            "GoalSubmitted",
            "StepsProposed",
            "ActionAllowed",
            "ActionRequested",
            "ActionSucceeded",
            "StepsProposed",
            "ActionEscalated",
            "ApprovalRequested");
    assertThat(textsOf(waiting, "summary"))
        .startsWith("goal submitted for agent demo", "propose demo.lookup")
        .contains("allowed demo.lookup (read-only-tools)", "demo.lookup succeeded");
    JsonNode first = waiting.path("events").get(0);
    assertThat(first.path("occurredAt").asString()).isEqualTo(DemoGoal.at(0).toString());
    assertThat(first.path("eventId").asString()).isNotBlank();
    assertThat(first.has("causationId")).isTrue();

    send(Topics.RESOLUTION, goal.approved(8));
    send(Topics.ACTION_REQUEST, goal.sendRequested(9));
    send(Topics.ACTION_RESULT, goal.sendSucceeded(10));
    send(Topics.OUTCOME, goal.completed(11));

    JsonNode completed = awaitJournal(goal.goalId, journal -> journal.path("events").size() == 12);
    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(textsOf(completed, "summary"))
        .endsWith(
            "approved by local-operator",
            "requested demo.send (approved by local-operator)",
            "demo.send succeeded",
            "completed: told ACME about the new pricing");
    assertThat(completed.toString()).doesNotContain(DemoGoal.SECRET);

    JsonNode listed = body(call("/api/goals?status=completed&limit=500"));
    assertThat(listed.values())
        .filteredOn(item -> item.path("goalId").asString().equals(goal.goalId))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.path("status").asString()).isEqualTo("COMPLETED");
              assertThat(item.path("agent").asString()).isEqualTo("demo");
              assertThat(item.path("updatedAt").asString()).isEqualTo(DemoGoal.at(11).toString());
            });
  }

  @Test
  void shouldDeadLetterRecordsItCannotReadAndKeepJournaling() {
    String run = UUID.randomUUID().toString();
    String notJson = "not-json-" + run;
    String unknownType = "unknown-type-" + run;
    String noGoalId = "no-goal-id-" + run;
    String otherKey = "other-key-" + run;
    String keyedGoal = "keyed-goal-" + run;
    String wrongTopic = "wrong-topic-" + run;
    String goals = names.of(Topics.GOALS);
    String plan = names.of(Topics.PLAN);

    Map<String, String> badGoals =
        Map.of(
            notJson,
            "{not json",
            unknownType,
            "{\"type\":\"GoalExploded\",\"goalId\":\"" + unknownType + "\"}",
            noGoalId,
            "{\"type\":\"GoalSubmitted\",\"description\":\"Tell ACME\"}",
            otherKey,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"" + keyedGoal + "\",\"description\":\"x\"}");
    String submittedToPlan =
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"" + wrongTopic + "\",\"description\":\"x\"}";
    badGoals.forEach((key, value) -> sendRaw(goals, key, value));
    sendRaw(plan, wrongTopic, submittedToPlan);

    assertDeadLetter(goals, notJson, badGoals, reason -> reason.startsWith("not valid JSON: "));
    assertDeadLetter(
        goals,
        unknownType,
        badGoals,
        reason -> reason.equals("unknown type 'GoalExploded' for topic goals"));
    assertDeadLetter(goals, noGoalId, badGoals, reason -> reason.equals("goalId is required"));
    assertDeadLetter(
        goals,
        otherKey,
        badGoals,
        reason ->
            reason.equals(
                "record key '" + otherKey + "' must equal the goalId '" + keyedGoal + "'"));
    assertDeadLetter(
        plan,
        wrongTopic,
        Map.of(wrongTopic, submittedToPlan),
        reason -> reason.equals("unknown type 'GoalSubmitted' for topic plan"));

    // The same partition as the first bad record: it was not blocked by it.
    DemoGoal good = new DemoGoal(notJson);
    send(Topics.GOALS, good.submitted(0));
    JsonNode journal = awaitJournal(notJson, any -> true);
    assertThat(textsOf(journal, "type")).containsExactly("GoalSubmitted");
    assertThat(call("/api/goals/" + keyedGoal).getStatus()).isEqualTo(404);
    assertThat(call("/api/goals/" + wrongTopic).getStatus()).isEqualTo(404);
  }

  @Test
  void shouldJournalAnEventSentTwiceOnce() {
    DemoGoal goal = DemoGoal.random();
    GoalEvent.GoalSubmitted submitted = goal.submitted(0);
    StepsProposed proposed = goal.lookupProposed(1);
    send(Topics.GOALS, submitted);
    send(Topics.PLAN, proposed);
    send(Topics.GOALS, submitted);
    send(Topics.PLAN, proposed);
    // One marker per topic: once both are journaled, both duplicates were processed before them.
    send(
        Topics.GOALS,
        new GoalEvent.GoalCancelled(
            goal.goalId, UUID.randomUUID(), null, DemoGoal.at(2), "marker", "test"));
    send(
        Topics.PLAN,
        new GoalFinishing(goal.goalId, UUID.randomUUID(), null, DemoGoal.at(3), "marker"));

    JsonNode journal =
        awaitJournal(
            goal.goalId,
            candidate ->
                textsOf(candidate, "type").containsAll(List.of("GoalCancelled", "GoalFinishing")));

    assertThat(textsOf(journal, "type"))
        .containsExactly("GoalSubmitted", "StepsProposed", "GoalCancelled", "GoalFinishing");
  }

  @Test
  void shouldAnswerUnknownGoalsAndBadQueriesWithProblemDetails() {
    MockHttpServletResponse unknown = call("/api/goals/never-submitted");
    MockHttpServletResponse badStatus = call("/api/goals?status=DONE");

    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).isEqualTo("application/problem+json");
    assertThat(body(unknown).path("detail").asString()).isEqualTo("no goal never-submitted");
    assertThat(badStatus.getStatus()).isEqualTo(400);
    assertThat(body(badStatus).path("detail").asString())
        .isEqualTo(
            "unknown status 'DONE'; allowed values: RUNNING, WAITING_FOR_HUMAN, COMPLETED,"
                + " FAILED, CANCELLED");
  }

  @Test
  void shouldTakeTheGoalsTraceIdFromItsRecordsTraceparent() {
    DemoGoal goal = DemoGoal.random();
    probe.sendRaw(
        names.of(Topics.GOALS),
        goal.goalId,
        probe.codec().encode(goal.submitted(0)),
        Map.of(SwitchboardHeaders.TRACEPARENT, TestJournals.TRACEPARENT));

    JsonNode journal = awaitJournal(goal.goalId, any -> true);

    assertThat(journal.path("traceId").asString()).isEqualTo(TestJournals.TRACE_ID);
  }

  @Test
  void shouldStreamAGoalsJournalLiveFromTheBroker() throws Exception {
    DemoGoal goal = DemoGoal.random();
    send(Topics.GOALS, goal.submitted(0));
    awaitJournal(goal.goalId, any -> true);

    MvcResult stream =
        mvc.perform(
                get("/api/goals/" + goal.goalId + "/events")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN)
                    .accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn();
    try {
      await()
          .atMost(TIMEOUT)
          .until(() -> stream.getResponse().getContentAsString().contains("event:journal"));
      send(Topics.PLAN, goal.lookupProposed(1));
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  stream.getResponse().getContentAsString().contains("event:update")
                      && stream.getResponse().getContentAsString().contains("propose demo.lookup"));
      assertThat(stream.getResponse().getContentAsString()).contains("id:2\n");
    } finally {
      stream.getRequest().getAsyncContext().complete();
    }
  }

  @Test
  void shouldShowHealthDetailsToTheOperatorOnly() throws Exception {
    await().atMost(TIMEOUT).until(() -> call("/actuator/health/readiness").getStatus() == 200);
    MockHttpServletResponse anyone = mvc.perform(get("/actuator/health")).andReturn().getResponse();
    MockHttpServletResponse operator = call("/actuator/health");

    assertThat(anyone.getStatus()).isEqualTo(200);
    assertThat(body(anyone).has("components")).as("no details for anyone").isFalse();
    assertThat(body(operator).path("components").has("kafkaCluster")).isTrue();
  }

  @Test
  void shouldRefuseAnonymousReadersOfJournals() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/api/goals")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  @Test
  void shouldRefuseALargeRequestBodyWith413() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                get("/api/goals")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("x".repeat(20_000)))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(body(response).path("detail").asString())
        .isEqualTo("request body of 20000 bytes exceeds the limit of 16384 bytes");
  }

  private void send(Topic<?> topic, SwitchboardEvent event) {
    probe.send(topic, event);
  }

  /** Sends with a header of its own, which the dead letter must keep. */
  private void sendRaw(String topic, String key, String value) {
    probe.sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8), Map.of(TEST_HEADER, key));
  }

  /** The dead letter keeps the original key, bytes and headers and says why and where from. */
  private void assertDeadLetter(
      String topic, String key, Map<String, String> sent, Predicate<String> reasonMatches) {
    ConsumerRecord<String, byte[]> letter =
        probe.awaitRecord(
            topic + TopicNames.DLQ_SUFFIX, record -> key.equals(record.key()), TIMEOUT);
    assertThat(TopicProbe.deadLetterReason(letter))
        .as("dead-letter reason of %s", key)
        .isNotNull()
        .matches(reasonMatches);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(sent.get(key));
    assertThat(TopicProbe.header(letter, TEST_HEADER)).isEqualTo(key);
    assertThat(TopicProbe.header(letter, SwitchboardHeaders.DLQ_SOURCE_TOPIC)).isEqualTo(topic);
    assertThat(TopicProbe.header(letter, SwitchboardHeaders.DLQ_CONSUMER))
        .isEqualTo("switchboard-trace");
  }

  private JsonNode awaitJournal(String goalId, Predicate<JsonNode> ready) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              MockHttpServletResponse response = call("/api/goals/" + goalId);
              return response.getStatus() == 200 ? body(response) : null;
            },
            journal -> journal != null && ready.test(journal));
  }

  private MockHttpServletResponse call(String uri) {
    try {
      return mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN))
          .andReturn()
          .getResponse();
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    }
  }

  private JsonNode body(MockHttpServletResponse response) {
    try {
      return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("unreadable body", e);
    }
  }

  private static List<String> textsOf(JsonNode journal, String field) {
    return journal.path("events").values().stream()
        .map(entry -> entry.path(field).asString())
        .toList();
  }
}
