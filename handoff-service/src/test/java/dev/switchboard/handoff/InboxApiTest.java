package dev.switchboard.handoff;

import static dev.switchboard.handoff.InboxWithoutKafka.BOT_TOKEN;
import static dev.switchboard.handoff.InboxWithoutKafka.NOW;
import static dev.switchboard.handoff.InboxWithoutKafka.OPERATOR_TOKEN;
import static dev.switchboard.handoff.InboxWithoutKafka.PASSWORD;
import static dev.switchboard.handoff.InboxWithoutKafka.PEER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** The REST API with its security, on the inbox without Kafka: who may answer what, and how. */
@SpringBootTest(
    classes = InboxWithoutKafka.class,
    properties = {InboxWithoutKafka.ACTIVE, InboxWithoutKafka.NO_KAFKA_HEALTH})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class InboxApiTest {
  @Autowired MockMvc mvc;
  @Autowired InboxInMemory inbox;
  @Autowired ListedAgents agents;

  @DynamicPropertySource
  static void people(DynamicPropertyRegistry registry) {
    InboxWithoutKafka.people(registry);
  }

  @Test
  void shouldAnswerWithoutCredentials401AsAProblem() throws Exception {
    mvc.perform(get("/api/escalations"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/escalations/x/approve")).andExpect(status().isUnauthorized());
  }

  @Test
  void shouldListAPageOfTheItemsTheCallerMaySee() throws Exception {
    ApprovalRequested approval = pending();
    String goalId = approval.goalId();
    inbox.apply(Escalations.questionAsked(goalId, NOW.minusSeconds(10)));

    mvc.perform(bot(get("/api/escalations").param("goalId", goalId)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].escalationId").value(approval.escalationId()))
        .andExpect(jsonPath("$.items[0].type").value("ApprovalRequested"))
        .andExpect(jsonPath("$.items[0].queue").value("human:approvers"))
        .andExpect(jsonPath("$.items[0].action.tool").value("demo.send"))
        .andExpect(jsonPath("$.items[0].action.arguments.to").value("pat.lee@acme.example"))
        .andExpect(jsonPath("$.items[0].deadline").value("2025-01-01T15:55:00Z"))
        .andExpect(
            jsonPath("$.items[0].slaRemainingSeconds").value(Duration.ofMinutes(235).toSeconds()))
        .andExpect(jsonPath("$.items[0].overdue").value(false))
        .andExpect(jsonPath("$.items[0].status").value("PENDING"))
        .andExpect(jsonPath("$.items[0].links.page").value("/inbox/" + approval.escalationId()))
        .andExpect(
            jsonPath("$.items[0].links.journal").value("http://trace.example/goals/" + goalId))
        // Jaeger links by trace id; this escalation came without a trace.
        .andExpect(jsonPath("$.items[0].links.trace").doesNotExist())
        .andExpect(jsonPath("$.items[0].traceId").doesNotExist());
    mvc.perform(bearer(get("/api/escalations").param("goalId", goalId), OPERATOR_TOKEN))
        .andExpect(jsonPath("$.totalItems").value(2));
    mvc.perform(as("sam", get("/api/escalations").param("goalId", goalId)))
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].type").value("QuestionAsked"));
    mvc.perform(bot(get("/api/escalations").param("goalId", goalId).param("size", "0")))
        .andExpect(status().isBadRequest());
    mvc.perform(bot(get("/api/escalations").param("status", "SOMETIMES")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void shouldShowOneItemWithItsHistoryOnlyToThoseWhoMaySeeIt() throws Exception {
    ApprovalRequested approval = pending();

    mvc.perform(bot(get(item(approval))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history[0].what").value("ApprovalRequested"));
    mvc.perform(as("sam", get(item(approval))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("'sam' may not see items of queue human:approvers"));
    mvc.perform(bot(get("/api/escalations/" + EscalationIds.of("nobody", "approval", "x"))))
        .andExpect(status().isNotFound())
        .andExpect(
            jsonPath("$.type").value("https://switchboard.dev/problems/escalation-not-found"));
  }

  @Test
  void shouldApproveOnceAnswerTheSameForTheSameDecisionAnd409AConflictingOne() throws Exception {
    ApprovalRequested approval = pending();

    MvcResult first =
        mvc.perform(
                bot(
                    post(item(approval) + "/approve")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"ok\"}")))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.escalationId").value(approval.escalationId()))
            .andExpect(jsonPath("$.resolution").value("Approved"))
            .andExpect(jsonPath("$.actor").value("ticket-bot"))
            .andReturn();
    String eventId = json(first).get("eventId").asString();

    mvc.perform(as("ann", post(item(approval) + "/approve")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.eventId").value(eventId))
        .andExpect(jsonPath("$.actor").value("ticket-bot"));
    mvc.perform(
            as(
                "ann",
                post(item(approval) + "/deny")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"no\"}")))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://switchboard.dev/problems/already-decided"))
        .andExpect(jsonPath("$.decidedBy").value("ticket-bot"))
        .andExpect(jsonPath("$.decision").value("Approved"))
        .andExpect(
            jsonPath("$.detail").value(containsString("already resolved (Approved by ticket-bot")));
    assertThat(writtenFor(approval)).hasSize(1);
  }

  @Test
  void shouldRefuseAWrongRoleWith403AndWriteNothing() throws Exception {
    ApprovalRequested approval = pending();

    mvc.perform(as("sam", post(item(approval) + "/approve")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://switchboard.dev/problems/answer-refused"))
        .andExpect(
            jsonPath("$.detail")
                .value("'sam' may not work queue human:approvers (it needs the role approvers)"));
    assertThat(writtenFor(approval)).isEmpty();
  }

  @Test
  void shouldKeepTheRequesterFromApprovingTheirOwnGoal() throws Exception {
    ApprovalRequested approval =
        Escalations.approvalRequested(goal(), NOW.minusSeconds(300), "carol", true, null);
    inbox.apply(approval);

    mvc.perform(as("carol", post(item(approval) + "/approve")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(containsString("four-eyes: 'carol' asked for goal")));
    assertThat(writtenFor(approval)).isEmpty();
    mvc.perform(as("ann", post(item(approval) + "/approve"))).andExpect(status().isAccepted());
    assertThat(writtenFor(approval))
        .singleElement()
        .extracting(ResolutionEvent::actor)
        .isEqualTo("ann");
  }

  /** The bug this inbox fixes: one person's refused answer must not leave the approval stuck. */
  @Test
  void shouldLeaveAnApprovalOpenForAnApproverWhenANonApproverTriesFirst() throws Exception {
    ApprovalRequested approval = pending();

    mvc.perform(as("sam", post(item(approval) + "/approve"))).andExpect(status().isForbidden());
    mvc.perform(bot(get(item(approval))))
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.resolution").doesNotExist());
    mvc.perform(bot(get("/api/escalations").param("goalId", approval.goalId())))
        .andExpect(jsonPath("$.items[*].escalationId", hasItem(approval.escalationId())));
    mvc.perform(as("bob", post(item(approval) + "/approve"))).andExpect(status().isAccepted());

    assertThat(writtenFor(approval))
        .singleElement()
        .extracting(ResolutionEvent::actor)
        .isEqualTo("bob");
  }

  @Test
  void shouldNeedTheCsrfTokenForWritesCarriedByASessionCookie() throws Exception {
    ApprovalRequested approval = pending();
    MvcResult opened =
        mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("ann")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.roles[0]").value("approvers"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) opened.getRequest().getSession(false);
    String csrf = json(opened).get("csrfToken").asString();

    mvc.perform(post(item(approval) + "/approve").with(cookieOf(session)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(containsString("CSRF")));
    assertThat(writtenFor(approval)).isEmpty();
    mvc.perform(
            post(item(approval) + "/approve").with(cookieOf(session)).header("X-CSRF-TOKEN", csrf))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.actor").value("ann"));
    mvc.perform(get("/api/session").with(cookieOf(session)))
        .andExpect(jsonPath("$.name").value("ann"))
        .andExpect(jsonPath("$.authenticatedBy").value("password"));
  }

  @Test
  void shouldExpireAnOverdueItemWith409AndTakeNoAnswer() throws Exception {
    ApprovalRequested approval =
        Escalations.approvalRequested(
            goal(), NOW.minusSeconds(300), null, false, Duration.ofMinutes(1));
    inbox.apply(approval);

    mvc.perform(bot(get(item(approval))))
        .andExpect(jsonPath("$.overdue").value(true))
        .andExpect(jsonPath("$.slaRemainingSeconds").value(-240));
    mvc.perform(bot(post(item(approval) + "/approve")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://switchboard.dev/problems/deadline-passed"));
    mvc.perform(bot(post(item(approval) + "/approve")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.decidedBy").value("system:sla"));
    assertThat(writtenFor(approval)).singleElement().isInstanceOf(Expired.class);
  }

  @Test
  void shouldAuditWhoAnsweredFromWhereWithTheTraceId() throws Exception {
    ApprovalRequested approval = pending();

    mvc.perform(
            bot(post(item(approval) + "/approve"))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("User-Agent", "ticket-bot/2.1")
                .with(
                    request -> {
                      request.setRemoteAddr("192.0.2.10");
                      return request;
                    }))
        .andExpect(status().isAccepted());

    Approved approved = (Approved) writtenFor(approval).getFirst();
    assertThat(approved.audit().authenticatedBy()).isEqualTo("service-token");
    assertThat(approved.audit().roles()).containsExactly("approvers");
    assertThat(approved.audit().clientAddress()).isEqualTo("192.0.2.10");
    assertThat(approved.audit().userAgent()).isEqualTo("ticket-bot/2.1");
    assertThat(approved.audit().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void shouldTakeEditsAnswersTakeoversAndReassignments() throws Exception {
    ApprovalRequested approval = pending();
    String goalId = approval.goalId();
    var question = Escalations.questionAsked(goalId, NOW.minusSeconds(10));
    var handoff = Escalations.handoffRequested(goalId, NOW.minusSeconds(10));
    inbox.apply(question);
    inbox.apply(handoff);

    mvc.perform(
            as("ann", post(item(approval) + "/edit"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"arguments\":{\"to\":\"pat@acme.example\",\"subject\":\"Hello\"}}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.resolution").value("Edited"));
    mvc.perform(
            as("bob", post("/api/escalations/" + question.escalationId() + "/answer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answer\":\"EMEA\"}"))
        .andExpect(jsonPath("$.resolution").value("Answered"));
    mvc.perform(
            bearer(
                    post("/api/escalations/" + handoff.escalationId() + "/take-over"),
                    OPERATOR_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"called the customer\"}"))
        .andExpect(jsonPath("$.resolution").value("TakenOver"))
        .andExpect(jsonPath("$.actor").value("local-operator"));
    mvc.perform(
            as("bob", post("/api/escalations/" + question.escalationId() + "/reassign"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"nowhere\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value("'to' must be human:<queue> or agent:<name>, not 'nowhere'"));
    mvc.perform(
            as("ann", post(item(approval) + "/deny"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"changed my mind\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.decision").value("Edited"));
  }

  /** The planner would hand a goal given to a missing agent straight back to people. */
  @Test
  void shouldRefuseAReassignmentToAnAgentTheCatalogDoesNotListWith400AndWriteNothing()
      throws Exception {
    var question = Escalations.questionAsked(goal(), NOW.minusSeconds(10));
    inbox.apply(question);
    String reassign = "/api/escalations/" + question.escalationId() + "/reassign";

    // Who may answer is decided first: the ticket bot does not work human:sales.
    mvc.perform(
            bot(post(reassign))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"agent:nobody\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            as("bob", post(reassign))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"agent:nobody\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://switchboard.dev/problems/unknown-agent"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.agent").value("agent:nobody"))
        .andExpect(jsonPath("$.knownAgents[0]").value("agent:clerk"))
        .andExpect(jsonPath("$.knownAgents[1]").value("agent:scout"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "there is no agent:nobody to hand the goal to: the agents catalog lists"
                        + " agent:clerk, agent:scout; reassign to one of them or to a"
                        + " human:<queue>"));
    assertThat(writtenFor(question.escalationId())).isEmpty();

    mvc.perform(
            as("bob", post(reassign))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"agent:scout\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.resolution").value("Reassigned"));
    assertThat(writtenFor(question.escalationId()))
        .singleElement()
        .isInstanceOfSatisfying(
            ResolutionEvent.Reassigned.class,
            reassigned -> assertThat(reassigned.newOwner()).isEqualTo("agent:scout"));
  }

  @Test
  void shouldAskToRetryAReassignmentToAnAgentUntilTheCatalogIsRead() throws Exception {
    var question = Escalations.questionAsked(goal(), NOW.minusSeconds(10));
    inbox.apply(question);
    String reassign = "/api/escalations/" + question.escalationId() + "/reassign";
    agents.loaded = false;
    try {
      mvc.perform(
              as("bob", post(reassign))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"to\":\"agent:scout\"}"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(
              jsonPath("$.type").value("https://switchboard.dev/problems/agents-not-loaded"));
      assertThat(writtenFor(question.escalationId())).isEmpty();
      // People's queues need no catalog.
      mvc.perform(
              as("bob", post(reassign))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"to\":\"human:managers\"}"))
          .andExpect(status().isAccepted());
    } finally {
      agents.loaded = true;
    }
  }

  @Test
  void shouldRefuseMalformedBodiesWith400() throws Exception {
    ApprovalRequested approval = pending();

    mvc.perform(
            bot(post(item(approval) + "/deny"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    mvc.perform(
            bot(post(item(approval) + "/deny"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("a denial needs a non-blank 'reason'"));
    mvc.perform(
            bot(post(item(approval) + "/edit"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"arguments\":[]}"))
        .andExpect(status().isBadRequest());
    assertThat(writtenFor(approval)).isEmpty();
  }

  @Test
  void shouldDescribeTheApiInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("Switchboard inbox"))
        .andExpect(jsonPath("$.paths['/api/escalations'].get").exists())
        .andExpect(jsonPath("$.paths['/api/escalations/{escalationId}/approve'].post").exists())
        .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
        .andExpect(jsonPath("$.paths", not(hasItem("/internal/inbox/items"))));
  }

  @Test
  void shouldKeepThePeerEndpointsForPeers() throws Exception {
    pending();

    mvc.perform(bot(get("/internal/inbox/items"))).andExpect(status().isForbidden());
    mvc.perform(bearer(get("/internal/inbox/items"), PEER_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].escalationId").exists());
  }

  private ApprovalRequested pending() {
    ApprovalRequested approval = Escalations.approvalRequested(goal(), NOW.minusSeconds(300));
    inbox.apply(approval);
    return approval;
  }

  private static String goal() {
    return "api-" + UUID.randomUUID();
  }

  private static String item(ApprovalRequested approval) {
    return "/api/escalations/" + approval.escalationId();
  }

  private List<ResolutionEvent> writtenFor(ApprovalRequested approval) {
    return writtenFor(approval.escalationId());
  }

  private List<ResolutionEvent> writtenFor(String escalationId) {
    synchronized (inbox) {
      return inbox.written.stream()
          .filter(event -> event.escalationId().equals(escalationId))
          .toList();
    }
  }

  private static MockHttpServletRequestBuilder bot(MockHttpServletRequestBuilder request) {
    return bearer(request, BOT_TOKEN);
  }

  private static MockHttpServletRequestBuilder bearer(
      MockHttpServletRequestBuilder request, String token) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  /** A person calling the API with a session opened by their password. */
  private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request)
      throws Exception {
    MvcResult opened =
        mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic(user)))
            .andExpect(status().isOk())
            .andReturn();
    MockHttpSession session = (MockHttpSession) opened.getRequest().getSession(false);
    return request
        .with(cookieOf(session))
        .header("X-CSRF-TOKEN", json(opened).get("csrfToken").asString());
  }

  private static RequestPostProcessor cookieOf(MockHttpSession session) {
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      request.setRequestedSessionIdValid(true);
      request.setRequestedSessionIdFromCookie(true);
      return request;
    };
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
  }

  private static JsonNode json(MvcResult result) throws Exception {
    return Escalations.CODEC.mapper().readTree(result.getResponse().getContentAsString());
  }
}
