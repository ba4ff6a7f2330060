package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** The console's pages and live parts, journals in memory. */
@WebMvcTest(controllers = ConsoleController.class)
@Import(WebTestBeans.class)
// The controllers alone; who may call them is TraceSecurityTest's.
@AutoConfigureMockMvc(addFilters = false)
class ConsoleControllerTest {
  @Autowired private MockMvc mvc;
  @Autowired private InMemoryJournals journals;

  private final List<MvcResult> streams = new ArrayList<>();

  @AfterEach
  void closeStreamsAndForget() {
    streams.forEach(stream -> stream.getRequest().getAsyncContext().complete());
    journals.clear();
  }

  @Test
  void shouldListGoalsWithStatusAgentHolderAgeStepsAndALiveStream() {
    DemoGoal waiting = DemoGoal.random();
    DemoGoal completed = DemoGoal.random();
    journals.put(TestJournals.waiting(waiting));
    journals.put(TestJournals.completed(completed));

    String page = html(call("/goals"));

    assertThat(page)
        .contains("sse-connect=\"/live/goals?limit=50\"", "sse-swap=\"goals\"")
        .contains("/webjars/htmx.org/dist/htmx.min.js", "/webjars/htmx-ext-sse/sse.js")
        .contains(
            "href=\"/goals/" + waiting.goalId + "\"", "href=\"/goals/" + completed.goalId + "\"")
        .contains("waiting on human:approvers", "for 55.0 s")
        .contains(">waiting for human<", ">completed<")
        .contains("2 goals");
    assertThat(page.indexOf(completed.goalId)).isLessThan(page.indexOf(waiting.goalId));
  }

  @Test
  void shouldShowTheApprovalWithWhoApprovedAndLinkJaegerAndTheInbox() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completed(goal));

    String page = html(call("/goals/" + goal.goalId));

    assertThat(page)
        .contains("sse-connect=\"/live/goals/" + goal.goalId + "\"", "sse-swap=\"journal\"")
        .contains(
            "href=\"" + WebTestBeans.JAEGER + "/trace/" + TestJournals.TRACE_ID + "\"",
            "href=\""
                + WebTestBeans.INBOX
                + "/inbox/"
                + goal.approvalId().replace("/", "%2F")
                + "\"")
        .contains("class=\"approver\">local-operator<", ">approved<", "10:00:08")
        .contains("agent demo", "waiting on human:approvers")
        .contains(
            "allowed demo.lookup (read-only-tools)", "completed: told ACME about the new pricing")
        .doesNotContain(DemoGoal.SECRET);
  }

  @Test
  void shouldShowTokensAndCostOnTheListAndTheGoalPage() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completedWithModelUsage(goal));

    assertThat(html(call("/goals"))).contains(">2,800 tok · 0.0077 USD<");
    assertThat(html(call("/goals/" + goal.goalId))).contains("2,700 + 100 tokens · 0.0077 USD");
  }

  @Test
  void shouldEscapeWhatEventsCarry() {
    String goalId = "goal-" + UUID.randomUUID();
    journals.put(
        TestJournals.traced(
            new GoalSubmitted(
                goalId,
                UUID.randomUUID(),
                null,
                DemoGoal.at(0),
                "<b>agent</b>",
                "<script>alert('x')</script> & \"quotes\"",
                Map.of())));

    String list = html(call("/goals"));
    String page = html(call("/goals/" + goalId));

    for (String html : List.of(list, page)) {
      assertThat(html)
          .doesNotContain("<script>alert", "<b>agent</b>")
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    }
  }

  @Test
  void shouldAnswerUnknownGoalsAndBadFiltersWithAPage() {
    MockHttpServletResponse unknown = call("/goals/never-seen");
    MockHttpServletResponse badFilter = call("/goals?status=DONE");

    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(html(unknown)).contains("Unknown goal", "no goal never-seen");
    assertThat(badFilter.getStatus()).isEqualTo(400);
    assertThat(html(badFilter)).contains("unknown status &#39;DONE&#39;");
  }

  @Test
  void shouldRedirectTheRootToTheGoalsAndServeItsAssets() {
    assertThat(call("/").getRedirectedUrl()).isEqualTo("/goals");
    assertThat(call("/console/console.css").getStatus()).isEqualTo(200);
    assertThat(call("/webjars/htmx.org/dist/htmx.min.js").getStatus()).isEqualTo(200);
    assertThat(call("/webjars/htmx-ext-sse/sse.js").getStatus()).isEqualTo(200);
  }

  @Test
  void shouldSendTheGoalsTableAgainWhenAGoalArrives() throws Exception {
    MvcResult stream =
        mvc.perform(get("/live/goals?status=waiting_for_human").accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn();
    streams.add(stream);
    // The first table, written whole (the stream may be read while it is half written).
    await().atMost(Duration.ofSeconds(10)).until(() -> content(stream).contains("No goals match"));
    assertThat(content(stream)).startsWith("event:goals\ndata:");

    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.waiting(goal));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> content(stream).contains("waiting on human:approvers"));
    assertThat(content(stream)).contains(goal.goalId);
  }

  @Test
  void shouldSendTheGoalPanelAgainAtEachChange() throws Exception {
    DemoGoal goal = DemoGoal.random();
    Journal waiting = TestJournals.waiting(goal);
    journals.put(waiting);
    MvcResult stream =
        mvc.perform(get("/live/goals/" + goal.goalId).accept(MediaType.TEXT_EVENT_STREAM))
            .andReturn();
    streams.add(stream);
    await().atMost(Duration.ofSeconds(10)).until(() -> content(stream).contains("event:journal"));

    journals.put(TestJournals.then(waiting, goal.approved(8)));

    await().atMost(Duration.ofSeconds(10)).until(() -> content(stream).contains("local-operator"));
  }

  private static String content(MvcResult stream) throws Exception {
    return stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private MockHttpServletResponse call(String uri) {
    try {
      return mvc.perform(get(uri).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    }
  }

  private static String html(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
