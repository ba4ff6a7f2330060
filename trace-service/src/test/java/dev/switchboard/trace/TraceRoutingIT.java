package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two trace-service instances on the embedded broker, each with its web server and its share of the
 * partitions: either answers for any goal (routed to the owner of its partition), lists and streams
 * merge both. They call each other with the peer token, so a person's session on one instance reads
 * a goal the other holds.
 */
class TraceRoutingIT {
  private static final String PREFIX = "routing-";
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String OPERATOR_TOKEN = "routing-operator-" + UUID.randomUUID();
  private static final String PEER_TOKEN = "routing-peer-" + UUID.randomUUID();
  private static final String PASSWORD = "viewer-password-" + UUID.randomUUID();
  private static final String PASSWORD_HASH = new BCryptPasswordEncoder().encode(PASSWORD);

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static TopicProbe probe;

  @BeforeAll
  static void startTwoInstances() {
    String brokers = System.getProperty("spring.embedded.kafka.brokers");
    probe = new TopicProbe(brokers, new TopicNames(PREFIX));
    // One after the other: Spring Boot applications starting at once in one JVM race on logging.
    first = start(brokers, "trace-a");
    second = start(brokers, "trace-b");
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> holdsPartitions(first) && holdsPartitions(second) && seeEachOther());
  }

  @AfterAll
  static void stopInstances() {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {second, first}) {
      if (context != null) {
        context.close();
      }
    }
    if (probe != null) {
      probe.close();
    }
  }

  @Test
  void shouldServeAGoalOwnedByOneInstanceFromTheOther() throws Exception {
    DemoGoal onFirst = goalOwnedBy(first);
    probe.send(Topics.GOALS, onFirst.submitted(0));
    probe.send(Topics.ESCALATION, onFirst.approvalRequested(5));
    awaitJournal(first, onFirst.goalId, 2);

    JsonNode fromSecond = awaitJournal(second, onFirst.goalId, 2);
    HttpResponse<String> forwarded =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(urlOf(second) + "/api/goals/" + onFirst.goalId))
                .header(PeerClient.FORWARDED_HEADER, "true")
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unknown = get(second, "/api/goals/never-" + UUID.randomUUID());

    assertThat(fromSecond.path("status").asString()).isEqualTo("WAITING_FOR_HUMAN");
    assertThat(fromSecond.path("holder").path("name").asString()).isEqualTo("human:approvers");
    assertThat(forwarded.statusCode())
        .as("a forwarded request is answered from the instance's own partitions only")
        .isEqualTo(503);
    assertThat(JSON.readTree(forwarded.body()).path("detail").asString()).contains("moving");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldServeAPersonSignedInAtOneInstanceAGoalTheOtherOwns() throws Exception {
    DemoGoal onFirst = goalOwnedBy(first);
    probe.send(Topics.GOALS, onFirst.submitted(0));
    awaitJournal(first, onFirst.goalId, 1);
    String basic =
        Base64.getEncoder().encodeToString(("viewer:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> session =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(urlOf(second) + "/api/session"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

    HttpResponse<String> journal =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(urlOf(second) + "/api/goals/" + onFirst.goalId))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(urlOf(second) + "/api/goals/" + onFirst.goalId))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(journal.statusCode())
        .as("the session lives on this instance only; the peer token asks the owner")
        .isEqualTo(200);
    assertThat(JSON.readTree(journal.body()).path("goalId").asString()).isEqualTo(onFirst.goalId);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldListTheGoalsOfBothInstancesFromEither() throws Exception {
    DemoGoal onFirst = goalOwnedBy(first);
    DemoGoal onSecond = goalOwnedBy(second);
    probe.send(Topics.GOALS, onFirst.submitted(0));
    probe.send(Topics.GOALS, onSecond.submitted(1));
    awaitJournal(first, onFirst.goalId, 1);
    awaitJournal(second, onSecond.goalId, 1);

    for (ConfigurableApplicationContext instance : List.of(first, second)) {
      HttpResponse<String> list = get(instance, "/api/goals?limit=500");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.headers().firstValue(GoalJournalController.MISSING_INSTANCES_HEADER))
          .isEmpty();
      assertThat(JSON.readTree(list.body()).values())
          .extracting(goal -> goal.path("goalId").asString())
          .contains(onFirst.goalId, onSecond.goalId);
    }
  }

  @Test
  void shouldRelayTheLiveStreamOfAGoalTheOtherInstanceOwns() throws Exception {
    DemoGoal onFirst = goalOwnedBy(first);
    probe.send(Topics.GOALS, onFirst.submitted(0));
    awaitJournal(first, onFirst.goalId, 1);

    try (EventStream stream =
        EventStream.open(urlOf(second) + "/api/goals/" + onFirst.goalId + "/events", null)) {
      EventStream.Event journal = stream.next("journal");
      probe.send(Topics.PLAN, onFirst.lookupProposed(1));
      EventStream.Event update = stream.next("update");

      assertThat(journal.id()).isEqualTo("1");
      assertThat(update.id()).isEqualTo("2");
      assertThat(JSON.readTree(update.data()).path("events").get(0).path("summary").asString())
          .isEqualTo("propose demo.lookup");
    }
    try (EventStream resumed =
        EventStream.open(urlOf(second) + "/api/goals/" + onFirst.goalId + "/events", "1")) {
      assertThat(resumed.next("update").id())
          .as("Last-Event-ID travels to the owner")
          .isEqualTo("2");
    }
  }

  @Test
  void shouldMergeBothInstancesIntoOneLiveList() throws Exception {
    String agent = "routing-" + UUID.randomUUID();
    DemoGoal onFirst = goalOwnedBy(first);
    DemoGoal onSecond = goalOwnedBy(second);
    probe.send(Topics.GOALS, onFirst.submittedFor(agent, 0));
    awaitJournal(first, onFirst.goalId, 1);

    try (EventStream stream =
        EventStream.open(urlOf(second) + "/api/goals/events?agent=" + agent, null)) {
      JsonNode snapshot = JSON.readTree(stream.next("snapshot").data());
      probe.send(Topics.GOALS, onSecond.submittedFor(agent, 1));
      probe.send(Topics.PLAN, onFirst.lookupProposedFor(agent, 2));
      List<String> changed = new ArrayList<>();
      changed.add(JSON.readTree(stream.next("goal").data()).path("goalId").asString());
      changed.add(JSON.readTree(stream.next("goal").data()).path("goalId").asString());

      assertThat(snapshot.path("goals").values())
          .extracting(goal -> goal.path("goalId").asString())
          .containsExactly(onFirst.goalId);
      assertThat(snapshot.path("missing").size()).isZero();
      assertThat(changed)
          .as("one change from each instance")
          .containsExactlyInAnyOrder(onFirst.goalId, onSecond.goalId);
    }
  }

  private static ConfigurableApplicationContext start(String brokers, String name) {
    return new SpringApplicationBuilder(TraceApplication.class)
        .run(
            "--spring.application.name=" + name,
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + brokers,
            "--switchboard.kafka.topic-prefix=" + PREFIX,
            "--switchboard.trace.stream-heartbeat=500ms",
            "--switchboard.trace.operator-token=" + OPERATOR_TOKEN,
            "--switchboard.trace.peer-token=" + PEER_TOKEN,
            "--switchboard.trace.users[0].name=viewer",
            "--switchboard.trace.users[0].password-hash=" + PASSWORD_HASH,
            "--switchboard.trace.users[0].roles=viewer");
  }

  private static KafkaStreams streamsOf(ConfigurableApplicationContext instance) {
    return instance.getBean("&goalStreams", StreamsBuilderFactoryBean.class).getKafkaStreams();
  }

  private static boolean holdsPartitions(ConfigurableApplicationContext instance) {
    KafkaStreams streams = streamsOf(instance);
    return streams != null
        && streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForLocalThreads().stream()
            .anyMatch(thread -> !thread.activeTasks().isEmpty());
  }

  private static boolean seeEachOther() {
    return streamsOf(first).streamsMetadataForStore("goal-state").size() == 2
        && streamsOf(second).streamsMetadataForStore("goal-state").size() == 2;
  }

  /** A goal id whose partition the given instance owns. */
  private static DemoGoal goalOwnedBy(ConfigurableApplicationContext instance) {
    GoalOwners owners = instance.getBean(GoalOwners.class);
    HostInfo self = owners.self();
    assertThat(self).isNotNull();
    for (int attempt = 0; attempt < 100; attempt++) {
      DemoGoal goal = DemoGoal.random();
      if (owners.ownerOf(goal.goalId) instanceof GoalOwners.Here) {
        return goal;
      }
    }
    throw new AssertionError("no goal id owned by " + self);
  }

  private static String urlOf(ConfigurableApplicationContext instance) {
    return "http://localhost:" + instance.getEnvironment().getRequiredProperty("local.server.port");
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(urlOf(instance) + path))
            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitJournal(
      ConfigurableApplicationContext instance, String goalId, int events) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> response = get(instance, "/api/goals/" + goalId);
              return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            },
            journal -> journal != null && journal.path("events").size() >= events);
  }

  /** A client of one server-sent-events stream, read on its own thread. */
  static final class EventStream implements AutoCloseable {
    record Event(String id, String name, String data) {}

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream(InputStream body) {
      this.body = body;
      Thread.ofVirtual().start(this::read);
    }

    static EventStream open(String url, String lastEventId) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Accept", "text/event-stream")
              .header("Authorization", "Bearer " + OPERATOR_TOKEN);
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<InputStream> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
      return new EventStream(response.body());
    }

    /** The next event of that name; others before it are skipped. */
    Event next(String name) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        Event event = events.poll(200, TimeUnit.MILLISECONDS);
        if (event != null && event.name().equals(name)) {
          return event;
        }
      }
      throw new AssertionError("no '" + name + "' event within " + TIMEOUT);
    }

    private void read() {
      try (SseMessageReader reader = new SseMessageReader(body)) {
        SseMessage message;
        while ((message = reader.next()) != null) {
          if (message instanceof SseMessage.Event event) {
            events.add(new Event(event.id(), event.name(), event.data()));
          }
        }
      } catch (IOException e) {
        // closed by the test
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
