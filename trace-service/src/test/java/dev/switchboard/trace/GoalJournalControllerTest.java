package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journal API's answers and errors, over the web layer alone (journals in memory). */
@WebMvcTest(controllers = GoalJournalController.class)
@Import(WebTestBeans.class)
// The controllers alone; who may call them is TraceSecurityTest's.
@AutoConfigureMockMvc(addFilters = false)
class GoalJournalControllerTest {
  @Autowired private MockMvc mvc;
  @Autowired private InMemoryJournals journals;
  @Autowired private JsonMapper json;

  @AfterEach
  void forget() {
    journals.clear();
  }

  @Test
  void shouldServeAJournalWithWhoHeldItEachStepAndWhoApproved() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completed(goal));

    JsonNode body = body(call("/api/goals/" + goal.goalId));

    assertThat(body.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(body.path("traceId").asString()).isEqualTo(TestJournals.TRACE_ID);
    assertThat(body.path("version").asLong()).isEqualTo(12);
    assertThat(body.path("events").size()).isEqualTo(12);
    assertThat(body.path("events").get(8).path("actor").asString()).isEqualTo("local-operator");
    assertThat(body.path("holder").isNull()).isTrue();
    assertThat(body.path("holders").values())
        .extracting(h -> h.path("kind").asString() + " " + h.path("name").asString())
        .containsExactly("AGENT demo", "QUEUE human:approvers", "AGENT demo");
    assertThat(body.path("steps").values())
        .extracting(s -> s.path("tool").asString() + " " + s.path("verdict").asString())
        .containsExactly("demo.lookup ActionAllowed", "demo.send ActionEscalated");
    JsonNode approval = body.path("waits").get(0);
    assertThat(approval.path("kind").asString()).isEqualTo("APPROVAL");
    assertThat(approval.path("resolution").asString()).isEqualTo("Approved");
    assertThat(approval.path("resolvedBy").asString()).isEqualTo("local-operator");
    assertThat(approval.path("resolvedAt").asString()).isEqualTo(DemoGoal.at(8).toString());
    assertThat(body.path("duration").asString()).isEqualTo("PT11S");
    assertThat(body.path("waitedForPeople").asString()).isEqualTo("PT3S");
    assertThat(body.toString()).doesNotContain(DemoGoal.SECRET);
  }

  @Test
  void shouldListByStatusAgentAndSinceNewestFirst() {
    DemoGoal waiting = DemoGoal.random();
    DemoGoal completed = DemoGoal.random();
    journals.put(TestJournals.waiting(waiting));
    journals.put(TestJournals.completed(completed));

    JsonNode all = body(call("/api/goals"));
    JsonNode onlyWaiting = body(call("/api/goals?status=waiting_for_human&agent=demo"));
    JsonNode otherAgent = body(call("/api/goals?agent=billing"));
    JsonNode recent = body(call("/api/goals?since=2026-03-01T10:00:06Z"));
    JsonNode one = body(call("/api/goals?limit=1"));

    assertThat(goalIds(all)).containsExactly(completed.goalId, waiting.goalId);
    assertThat(goalIds(onlyWaiting)).containsExactly(waiting.goalId);
    assertThat(onlyWaiting.get(0).path("holder").path("name").asString())
        .isEqualTo("human:approvers");
    assertThat(onlyWaiting.get(0).path("steps").asInt()).isEqualTo(2);
    assertThat(onlyWaiting.get(0).path("traceId").asString()).isEqualTo(TestJournals.TRACE_ID);
    assertThat(otherAgent.size()).isZero();
    assertThat(goalIds(recent)).containsExactly(completed.goalId);
    assertThat(goalIds(one)).containsExactly(completed.goalId);
    assertThat(all.get(0).has("events")).as("lists carry heads, not entries").isFalse();
  }

  @Test
  void shouldShowTheModelTokensAndCostOfAGoalAndOfEachEventThatReportsThem() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completedWithModelUsage(goal));

    JsonNode body = body(call("/api/goals/" + goal.goalId));
    JsonNode listed = body(call("/api/goals")).get(0);

    assertThat(body.path("usage").path("inputTokens").asLong()).isEqualTo(2700);
    assertThat(body.path("usage").path("outputTokens").asLong()).isEqualTo(100);
    assertThat(body.path("usage").path("cost").decimalValue()).isEqualByComparingTo("0.0077");
    assertThat(body.path("usage").path("currency").asString()).isEqualTo("USD");
    assertThat(body.path("events").values())
        .filteredOn(event -> event.has("usage"))
        .extracting(event -> event.path("type").asString())
        .containsExactly("StepsProposed", "GoalCompleted");
    assertThat(listed.path("usage")).isEqualTo(body.path("usage"));
  }

  @Test
  void shouldAnswerProblemDetailsForUnknownGoalsAndBadQueries() {
    assertProblem(call("/api/goals/never-submitted"), 404, "no goal never-submitted");
    assertProblem(
        call("/api/goals?status=DONE"),
        400,
        "unknown status 'DONE'; allowed values: RUNNING, WAITING_FOR_HUMAN, COMPLETED, FAILED,"
            + " CANCELLED");
    assertProblem(call("/api/goals?limit=0"), 400, "limit must be between 1 and 500, not 0");
    assertProblem(
        call("/api/goals?since=tuesday"),
        400,
        "since must be an ISO-8601 instant like 2026-03-01T10:00:00Z or a time back like PT15M,"
            + " 15m, 2h or 7d, not 'tuesday'");
    MockHttpServletResponse notANumber = call("/api/goals?limit=many");
    assertThat(notANumber.getStatus()).isEqualTo(400);
    assertThat(notANumber.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  private void assertProblem(MockHttpServletResponse response, int status, String detail) {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(body(response).path("status").asInt()).isEqualTo(status);
    assertThat(body(response).path("detail").asString()).isEqualTo(detail);
  }

  private static java.util.List<String> goalIds(JsonNode list) {
    return list.values().stream().map(item -> item.path("goalId").asString()).toList();
  }

  private MockHttpServletResponse call(String uri) {
    try {
      return mvc.perform(get(uri)).andReturn().getResponse();
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
}
