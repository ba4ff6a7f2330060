package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The REST API and its guard, on the inbox without Kafka. */
class EscalationControllerTest {
  private static final String TOKEN = "operator-token-for-tests";
  private static final String ITEM = "/api/escalations/g-1-step-2-approval";

  private final InboxInMemory inbox = new InboxInMemory();
  private final ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    inbox.apply(request);
    EscalationDesk desk =
        new EscalationDesk(inbox, inbox, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    mvc =
        MockMvcBuilders.standaloneSetup(new EscalationController(desk))
            .setControllerAdvice(new EscalationProblems())
            .addMappedInterceptors(
                new String[] {"/api/**"},
                new OperatorAuthInterceptor(
                    OperatorToken.of(TOKEN), "local-operator", Escalations.CODEC.mapper()))
            .build();
  }

  @Test
  void shouldListPendingEscalationsWithExactlyTheDocumentedFields() throws Exception {
    mvc.perform(authorized(get("/api/escalations")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    """
                    [{"escalationId":"g-1-step-2-approval","goalId":"g-1",
                      "type":"ApprovalRequested","queue":"human:approvers","agent":"demo",
                      "action":{"actionId":"g-1/step-2","tool":"demo.send",
                        "arguments":{"to":"pat.lee@acme.example","subject":"Hello","body":"Hi Pat"},
                        "sideEffect":true},
                      "reason":"demo.send writes to someone outside",
                      "policy":"outbound-communication","createdAt":"2025-01-01T10:00:00Z",
                      "status":"PENDING","resolvedBy":null,"resolution":null}]
                    """,
                    JsonCompareMode.STRICT));
  }

  @Test
  void shouldFilterByGoalAndShowOneEscalation() throws Exception {
    mvc.perform(authorized(get("/api/escalations").param("goalId", "g-2")))
        .andExpect(status().isOk())
        .andExpect(content().json("[]"));
    mvc.perform(authorized(get(URI.create(ITEM))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.escalationId").value("g-1-step-2-approval"));
  }

  @Test
  void shouldTurnAwayRequestsWithoutTheOperatorToken() throws Exception {
    mvc.perform(post(URI.create(ITEM + "/approve")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(
            jsonPath("$.detail")
                .value("an 'Authorization: Bearer <operator token>' header is required"));
    mvc.perform(get("/api/escalations").header(HttpHeaders.AUTHORIZATION, "Bearer wrong-token"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("the bearer token is not the operator token"));
    assertThat(inbox.written).isEmpty();
  }

  @Test
  void shouldApproveOnceAndAnswerWithTheResolution() throws Exception {
    mvc.perform(
            authorized(post(URI.create(ITEM + "/approve")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"go\"}"))
        .andExpect(status().isAccepted())
        .andExpect(
            content()
                .json(
                    "{\"escalationId\":\"g-1-step-2-approval\",\"resolution\":\"Approved\","
                        + "\"actor\":\"local-operator\"}",
                    JsonCompareMode.STRICT));
    mvc.perform(authorized(post(URI.create(ITEM + "/approve"))))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "escalation 'g-1-step-2-approval' is already resolved (Approved by"
                        + " local-operator)"));
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldDenyWithAReason() throws Exception {
    mvc.perform(
            authorized(post(URI.create(ITEM + "/deny")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"wrong recipient\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.resolution").value("Denied"));
    assertThat(inbox.written)
        .singleElement()
        .isInstanceOfSatisfying(
            Denied.class, denied -> assertThat(denied.reason()).isEqualTo("wrong recipient"));
  }

  @Test
  void shouldRefuseADenialWithoutReason() throws Exception {
    mvc.perform(
            authorized(post(URI.create(ITEM + "/deny")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("a denial needs a non-blank 'reason'"));
    mvc.perform(
            authorized(post(URI.create(ITEM + "/deny"))).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("the request needs a JSON body, e.g. {\"reason\": \"...\"}"));
    assertThat(inbox.written).isEmpty();
  }

  @Test
  void shouldRefuseMalformedJson() throws Exception {
    mvc.perform(
            authorized(post(URI.create(ITEM + "/approve")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(startsWith("the request body is not valid JSON")));
    assertThat(inbox.written).isEmpty();
  }

  @Test
  void shouldAnswer404ForAnUnknownEscalation() throws Exception {
    mvc.perform(authorized(post(URI.create("/api/escalations/nope/approve"))))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no escalation 'nope' in the inbox"));
    mvc.perform(authorized(get("/api/escalations/nope"))).andExpect(status().isNotFound());
  }

  private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
  }
}
