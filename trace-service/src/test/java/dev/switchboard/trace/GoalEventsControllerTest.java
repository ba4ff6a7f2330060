package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.switchboard.contracts.GoalStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live streams' framing and their snapshot-then-tail behaviour, journals in memory. */
@WebMvcTest(controllers = GoalEventsController.class)
@Import(WebTestBeans.class)
// The controllers alone; who may call them is TraceSecurityTest's.
@AutoConfigureMockMvc(addFilters = false)
class GoalEventsControllerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Autowired private MockMvc mvc;
  @Autowired private InMemoryJournals journals;
  @Autowired private JsonMapper json;

  private final List<MvcResult> streams = new ArrayList<>();

  /** Ends the streams a test opened, as a client leaving would, so their feeds stop. */
  @AfterEach
  void closeStreamsAndForget() {
    streams.forEach(stream -> stream.getRequest().getAsyncContext().complete());
    journals.clear();
  }

  @Test
  void shouldSendTheWholeJournalThenEachNewVersion() {
    DemoGoal goal = DemoGoal.random();
    Journal waiting = TestJournals.waiting(goal);
    journals.put(waiting);

    MvcResult stream = open(get("/api/goals/" + goal.goalId + "/events"));
    List<Event> first = awaitEvents(stream, events -> events.size() == 1);

    assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
    assertThat(first.getFirst().raw()).startsWith("id:8\nretry:2000\nevent:journal\ndata:");
    assertThat(first.getFirst().name()).isEqualTo("journal");
    assertThat(data(first.getFirst()).path("events").size()).isEqualTo(8);
    assertThat(data(first.getFirst()).path("status").asString()).isEqualTo("WAITING_FOR_HUMAN");

    journals.put(TestJournals.then(waiting, goal.approved(8)));
    Event update = awaitEvents(stream, events -> events.size() == 2).get(1);

    assertThat(update.id()).isEqualTo("9");
    assertThat(update.name()).isEqualTo("update");
    assertThat(data(update).path("goal").path("status").asString()).isEqualTo("RUNNING");
    assertThat(data(update).path("events").values())
        .singleElement()
        .satisfies(entry -> assertThat(entry.path("type").asString()).isEqualTo("Approved"));
  }

  @Test
  void shouldResumeAfterTheLastEventIdWithOnlyWhatCameLater() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completed(goal));

    MvcResult stream =
        open(get("/api/goals/" + goal.goalId + "/events").header("Last-Event-ID", "10"));
    Event resumed = awaitEvents(stream, events -> !events.isEmpty()).getFirst();

    assertThat(resumed.id()).isEqualTo("12");
    assertThat(resumed.name()).isEqualTo("update");
    assertThat(data(resumed).path("events").values())
        .extracting(entry -> entry.path("seq").asLong())
        .containsExactly(11L, 12L);
  }

  @Test
  void shouldSendAGoalThatChangedWhileTheSnapshotWasTakenOnce() {
    DemoGoal goal = DemoGoal.random();
    Journal waiting = TestJournals.waiting(goal);
    journals.put(waiting);
    MvcResult stream = open(get("/api/goals/" + goal.goalId + "/events"));
    awaitEvents(stream, events -> events.size() == 1);

    // The same version signalled again (as a redelivered signal would be) sends nothing new.
    journals.put(waiting);
    journals.put(TestJournals.then(waiting, goal.approved(8)));

    List<Event> events = awaitEvents(stream, all -> all.size() >= 2);
    assertThat(events).extracting(Event::id).containsExactly("8", "9");
  }

  @Test
  void shouldAnswerAnUnknownGoalWithAProblemDetailEvenToAnEventSource() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/goals/never-seen/events").accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(json.readTree(response.getContentAsString()).path("detail").asString())
        .isEqualTo("no goal never-seen");
  }

  @Test
  void shouldAnswer503WhileTheStoreIsRestored() throws Exception {
    journals.restoring(true);

    MockHttpServletResponse response =
        mvc.perform(get("/api/goals/any/events").accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(json.readTree(response.getContentAsString()).path("detail").asString())
        .contains("restored");
  }

  @Test
  void shouldSnapshotTheListThenSendGoalsThatEnterChangeOrLeaveIt() {
    DemoGoal first = DemoGoal.random();
    DemoGoal second = DemoGoal.random();
    Journal firstWaiting = TestJournals.waiting(first);
    journals.put(firstWaiting);

    MvcResult stream = open(get("/api/goals/events?status=WAITING_FOR_HUMAN"));
    Event snapshot = awaitEvents(stream, events -> events.size() == 1).getFirst();

    assertThat(snapshot.raw()).startsWith("retry:2000\nevent:snapshot\ndata:");
    assertThat(snapshot.id()).as("list events carry no id").isNull();
    assertThat(data(snapshot).path("goals").values())
        .extracting(item -> item.path("goalId").asString())
        .containsExactly(first.goalId);
    assertThat(data(snapshot).path("missing").size()).isZero();

    journals.put(TestJournals.waiting(second));
    journals.put(TestJournals.then(firstWaiting, first.approved(8)));
    List<Event> events = awaitEvents(stream, all -> all.size() == 3);

    // Changes of different goals between two looks are sent in no particular order.
    List<Event> changes = events.subList(1, 3);
    assertThat(changes)
        .extracting(event -> event.name() + " " + data(event).path("goalId").asString())
        .containsExactlyInAnyOrder("goal " + second.goalId, "removed " + first.goalId);
    Event entered = changes.stream().filter(e -> e.name().equals("goal")).findFirst().orElseThrow();
    assertThat(GoalStatus.valueOf(data(entered).path("status").asString()))
        .isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
  }

  @Test
  void shouldRefuseABadListQueryBeforeStreaming() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/goals/events?status=DONE").accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  @Test
  void shouldReadALastEventIdThatIsNoVersionAsNone() {
    assertThat(GoalEventsController.versionOf("12")).isEqualTo(12L);
    assertThat(GoalEventsController.versionOf(" 3 ")).isEqualTo(3L);
    assertThat(GoalEventsController.versionOf("abc")).isNull();
    assertThat(GoalEventsController.versionOf("-1")).isNull();
    assertThat(GoalEventsController.versionOf(null)).isNull();
  }

  /** One event as framed on the wire, and its fields. */
  record Event(String raw, String id, String name, String data) {}

  private MvcResult open(MockHttpServletRequestBuilder request) {
    try {
      MvcResult stream = mvc.perform(request.accept(MediaType.TEXT_EVENT_STREAM)).andReturn();
      streams.add(stream);
      return stream;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Event> awaitEvents(MvcResult stream, Predicate<List<Event>> ready) {
    return await().atMost(TIMEOUT).until(() -> events(stream.getResponse()), ready);
  }

  /** The stream's events so far; comments (keep-alives) are not events. */
  private static List<Event> events(MockHttpServletResponse response) throws Exception {
    List<Event> events = new ArrayList<>();
    String content = response.getContentAsString(StandardCharsets.UTF_8);
    for (String block : content.split("\n\n")) {
      if (!content.contains(block + "\n\n")) {
        continue; // not complete yet
      }
      String id = null;
      String name = null;
      StringBuilder data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("id:")) {
          id = line.substring(3);
        } else if (line.startsWith("event:")) {
          name = line.substring(6);
        } else if (line.startsWith("data:")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(line.substring(5));
        }
      }
      if (data != null) {
        events.add(new Event(block, id, name, data.toString()));
      }
    }
    return events;
  }

  private JsonNode data(Event event) {
    return json.readTree(event.data());
  }
}
