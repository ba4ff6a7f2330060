package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.switchboard.edge.RequestSizeLimit;
import dev.switchboard.websecurity.ServiceTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may read the trace, through the real filter chains (journals in memory): 401 problems for
 * strangers, 403 for a role that may not read, journals for viewers, the operator token and the
 * peer token; the console behind its login page, CSRF on every write, 413 before sign-in.
 */
@WebMvcTest(
    controllers = {
      GoalJournalController.class,
      GoalEventsController.class,
      ConsoleController.class,
      LoginController.class
    })
@Import({WebTestBeans.class, TraceSecurity.class, TraceSecurityTest.SizeLimit.class})
class TraceSecurityTest {
  static final String PASSWORD = "a-long-viewer-password";
  static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef";
  static final String APPROVERS_TOKEN = "approvers-token-0123456789abcdef";
  static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";
  static final String PEER_TOKEN = "peer-token-0123456789abcdef";

  @Autowired private MockMvc mvc;
  @Autowired private InMemoryJournals journals;
  @Autowired private JsonMapper json;

  @DynamicPropertySource
  static void signIns(DynamicPropertyRegistry registry) {
    String hash = new BCryptPasswordEncoder().encode(PASSWORD);
    registry.add("switchboard.trace.users[0].name", () -> "vera");
    registry.add("switchboard.trace.users[0].password-hash", () -> hash);
    registry.add("switchboard.trace.users[0].roles", () -> "viewer");
    registry.add("switchboard.trace.users[1].name", () -> "arlo");
    registry.add("switchboard.trace.users[1].password-hash", () -> hash);
    registry.add("switchboard.trace.users[1].roles", () -> "approvers");
    registry.add("switchboard.trace.service-tokens[0].name", () -> "dashboard");
    registry.add(
        "switchboard.trace.service-tokens[0].token-hash", () -> ServiceTokens.hash(VIEWER_TOKEN));
    registry.add("switchboard.trace.service-tokens[0].roles", () -> "viewer");
    registry.add("switchboard.trace.service-tokens[1].name", () -> "inbox-bot");
    registry.add(
        "switchboard.trace.service-tokens[1].token-hash",
        () -> ServiceTokens.hash(APPROVERS_TOKEN));
    registry.add("switchboard.trace.service-tokens[1].roles", () -> "approvers");
    registry.add("switchboard.trace.operator-token", () -> OPERATOR_TOKEN);
    registry.add("switchboard.trace.peer-token", () -> PEER_TOKEN);
  }

  /** The service's body limit, as TraceConfiguration registers it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class SizeLimit {
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(JsonMapper json) {
      FilterRegistrationBean<RequestSizeLimit> registration =
          new FilterRegistrationBean<>(new RequestSizeLimit(16 * 1024, json));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  @AfterEach
  void forget() {
    journals.clear();
  }

  @Test
  void shouldRefuseAStrangerWithAProblem() throws Exception {
    DemoGoal goal = stored();

    MockHttpServletResponse journal = perform(get("/api/goals/" + goal.goalId));
    MockHttpServletResponse stream =
        perform(get("/api/goals/" + goal.goalId + "/events").accept(MediaType.TEXT_EVENT_STREAM));
    MockHttpServletResponse wrongToken =
        perform(get("/api/goals").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token-at-all"));

    assertThat(journal.getStatus()).isEqualTo(401);
    assertThat(journal.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(journal.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(body(journal).path("detail").asString()).contains("sign in first");
    assertThat(journal.getContentAsString())
        .as("nothing of the journal")
        .doesNotContain("COMPLETED");
    assertThat(stream.getStatus()).isEqualTo(401);
    assertThat(wrongToken.getStatus()).isEqualTo(401);
    assertThat(wrongToken.getContentAsString()).doesNotContain("not-a-token-at-all");
  }

  @Test
  void shouldRefuseARoleThatMayNotRead() throws Exception {
    DemoGoal goal = stored();

    MockHttpServletResponse response =
        perform(
            get("/api/goals/" + goal.goalId)
                .header(HttpHeaders.AUTHORIZATION, bearer(APPROVERS_TOKEN)));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(body(response).path("detail").asString()).isEqualTo("your roles do not allow this");
  }

  @Test
  void shouldServeJournalsToViewersTheOperatorAndPeers() throws Exception {
    DemoGoal goal = stored();

    for (String token : new String[] {VIEWER_TOKEN, OPERATOR_TOKEN, PEER_TOKEN}) {
      MockHttpServletResponse journal =
          perform(
              get("/api/goals/" + goal.goalId).header(HttpHeaders.AUTHORIZATION, bearer(token)));
      MockHttpServletResponse list =
          perform(get("/api/goals").header(HttpHeaders.AUTHORIZATION, bearer(token)));

      assertThat(journal.getStatus()).isEqualTo(200);
      assertThat(body(journal).path("goalId").asString()).isEqualTo(goal.goalId);
      assertThat(list.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void shouldSendAStrangerOfTheConsoleToTheLoginPage() throws Exception {
    MockHttpServletResponse page = perform(get("/goals").accept(MediaType.TEXT_HTML));
    MockHttpServletResponse live = perform(get("/live/goals").accept(MediaType.TEXT_EVENT_STREAM));
    MockHttpServletResponse login = perform(get("/login"));
    MockHttpServletResponse css = perform(get("/console/console.css"));

    assertThat(page.getStatus()).isEqualTo(302);
    assertThat(page.getRedirectedUrl()).endsWith("/login");
    assertThat(live.getStatus()).as("an event stream cannot follow a redirect").isEqualTo(401);
    assertThat(login.getStatus()).isEqualTo(200);
    assertThat(login.getContentAsString()).contains("name=\"_csrf\"", "name=\"password\"");
    assertThat(login.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(css.getStatus()).isEqualTo(200);
  }

  @Test
  void shouldShowTheConsoleToAViewerWhoSignedIn() throws Exception {
    DemoGoal goal = stored();
    MvcResult signedIn =
        mvc.perform(
                post("/login").param("username", "vera").param("password", PASSWORD).with(csrf()))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

    MockHttpServletResponse page =
        perform(get("/goals/" + goal.goalId).accept(MediaType.TEXT_HTML).with(cookieOf(session)));

    assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/goals");
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains(goal.goalId, "Sign out");
  }

  @Test
  void shouldRefuseTheConsoleToAPersonWithoutAViewerRole() throws Exception {
    MvcResult signedIn =
        mvc.perform(
                post("/login").param("username", "arlo").param("password", PASSWORD).with(csrf()))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

    MockHttpServletResponse page =
        perform(get("/goals").accept(MediaType.TEXT_HTML).with(cookieOf(session)));

    assertThat(page.getStatus()).isEqualTo(403);
  }

  @Test
  void shouldRefuseFormsAndSessionWritesWithoutTheirCsrfToken() throws Exception {
    MockHttpServletResponse login =
        perform(post("/login").param("username", "vera").param("password", PASSWORD));
    MvcResult opened =
        mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("vera")))
            .andReturn();
    MockHttpSession session = (MockHttpSession) opened.getRequest().getSession(false);
    JsonNode answer = body(opened.getResponse());

    MockHttpServletResponse whoami = perform(get("/api/session").with(cookieOf(session)));
    MockHttpServletResponse closeWithout = perform(delete("/api/session").with(cookieOf(session)));
    MockHttpServletResponse closeWith =
        perform(
            delete("/api/session")
                .with(cookieOf(session))
                .header(
                    answer.path("csrfHeaderName").asString(), answer.path("csrfToken").asString()));

    assertThat(login.getStatus()).as("a login form without its CSRF token").isEqualTo(403);
    assertThat(opened.getResponse().getStatus()).isEqualTo(200);
    assertThat(answer.path("roles").values())
        .extracting(JsonNode::asString)
        .containsExactly("viewer");
    assertThat(body(whoami).path("name").asString()).isEqualTo("vera");
    assertThat(closeWithout.getStatus()).isEqualTo(403);
    assertThat(body(closeWithout).path("detail").asString()).contains("CSRF");
    assertThat(closeWith.getStatus()).isEqualTo(204);
  }

  @Test
  void shouldRefuseAnOversizedBodyWith413BeforeAnyoneSignsIn() throws Exception {
    MockHttpServletResponse anonymous =
        perform(
            post("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("x".repeat(20_000)));
    MockHttpServletResponse signedIn =
        perform(
            get("/api/goals")
                .header(HttpHeaders.AUTHORIZATION, bearer(VIEWER_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .content("x".repeat(20_000)));

    for (MockHttpServletResponse response : new MockHttpServletResponse[] {anonymous, signedIn}) {
      assertThat(response.getStatus()).isEqualTo(413);
      assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      assertThat(body(response).path("detail").asString())
          .isEqualTo("request body of 20000 bytes exceeds the limit of 16384 bytes");
    }
  }

  private DemoGoal stored() {
    DemoGoal goal = DemoGoal.random();
    journals.put(TestJournals.completed(goal));
    return goal;
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private JsonNode body(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  /** What a browser sends: the session's id in a cookie, so the container finds the session. */
  private static RequestPostProcessor cookieOf(MockHttpSession session) {
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      request.setRequestedSessionIdValid(true);
      request.setRequestedSessionIdFromCookie(true);
      return request;
    };
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
