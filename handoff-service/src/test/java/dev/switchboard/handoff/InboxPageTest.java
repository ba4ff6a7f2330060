package dev.switchboard.handoff;

import static dev.switchboard.handoff.InboxWithoutKafka.NOW;
import static dev.switchboard.handoff.InboxWithoutKafka.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.edge.EventContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The page behind its login, on the inbox without Kafka (the browser test drives the real one). */
@SpringBootTest(
    classes = InboxWithoutKafka.class,
    properties = {InboxWithoutKafka.ACTIVE, InboxWithoutKafka.NO_KAFKA_HEALTH})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class InboxPageTest {
  @Autowired MockMvc mvc;
  @Autowired InboxInMemory inbox;

  @DynamicPropertySource
  static void people(DynamicPropertyRegistry registry) {
    InboxWithoutKafka.people(registry);
  }

  @Test
  void shouldSendPeopleToTheLoginPageFirst() throws Exception {
    mvc.perform(get("/inbox")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"username\"")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
    mvc.perform(get("/login").param("error", ""))
        .andExpect(content().string(containsString("The user name or password is wrong.")));
  }

  @Test
  void shouldListWhatWaitsAfterLogin() throws Exception {
    ApprovalRequested approval = pending(null, false);
    MockHttpSession session = login("ann");

    mvc.perform(get("/inbox").with(cookieOf(session)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("/inbox/" + approval.escalationId()),
                        containsString("demo.send"),
                        containsString("3 h 55 min left"),
                        containsString("sse-connect=\"/inbox/events\""),
                        containsString("name=\"_csrf\""))));
  }

  @Test
  void shouldShowTheFullContextAndTheAnswersThePersonMayGive() throws Exception {
    ApprovalRequested approval = pending(null, false);

    mvc.perform(get("/inbox/" + approval.escalationId()).with(cookieOf(login("ann"))))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("&quot;to&quot; : &quot;pat.lee@acme.example&quot;"),
                        containsString("demo.send writes to someone outside"),
                        containsString("outbound-communication"),
                        containsString("the SOP says to write"),
                        containsString("http://trace.example/goals/" + approval.goalId()),
                        containsString("id=\"approve-form\""),
                        containsString("id=\"deny-form\""),
                        containsString("id=\"edit-form\""),
                        not(containsString("id=\"answer-form\"")))));
  }

  /** Why the policy stopped it (the guardrail's audit record), and the trace it came with. */
  @Test
  void shouldShowWhyThePolicyStoppedTheActionAndLinkItsTrace() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    ApprovalRequested approval =
        Escalations.approvalRequested(
            "page-" + UUID.randomUUID(), NOW.minusSeconds(300), null, false, null);
    inbox.apply(approval, new EventContext("00-" + trace + "-00f067aa0ba902b7-01"));
    inbox.apply(
        new ActionEscalated(
            approval.goalId(),
            UUID.randomUUID(),
            null,
            NOW.minusSeconds(300),
            approval.action().actionId(),
            "outbound-communication",
            approval.escalationId(),
            "mail leaves the company",
            new Audit(
                "outbound-communication",
                "7",
                "mail-to-outside-domains",
                "the recipient is outside the company",
                "hash",
                null,
                trace,
                "demo.send",
                "demo",
                null)));

    mvc.perform(get("/inbox/" + approval.escalationId()).with(cookieOf(login("ann"))))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"stopped-by\""),
                        containsString("mail-to-outside-domains"),
                        containsString("the recipient is outside the company"),
                        containsString("v7"),
                        containsString(trace),
                        containsString("href=\"http://jaeger.example/trace/" + trace + "\""))));
  }

  @Test
  void shouldApproveFromThePageAndConfirmIt() throws Exception {
    ApprovalRequested approval = pending(null, false);
    MockHttpSession session = login("ann");

    MvcResult answered =
        mvc.perform(
                post("/inbox/" + approval.escalationId() + "/approve")
                    .with(cookieOf(session))
                    .with(csrf())
                    .param("comment", "looks right"))
            .andExpect(status().isFound())
            .andExpect(flash().attributeExists("notice"))
            .andReturn();

    // The notice waits for the redirected page only: the page still open reloads the same path on
    // the live update this answer causes, and must not take the notice away from it.
    assertThat(answered.getResponse().getRedirectedUrl())
        .startsWith("/inbox/" + approval.escalationId() + "?answered=");
    assertThat(answered.getFlashMap().getTargetRequestParams()).containsKey("answered");

    assertThat(writtenFor(approval))
        .singleElement()
        .satisfies(
            approved -> {
              assertThat(approved.actor()).isEqualTo("ann");
              assertThat(approved.audit().authenticatedBy()).isEqualTo("password");
            });
  }

  @Test
  void shouldConfirmAMoveToAQueueThePersonDoesNotWorkOnTheList() throws Exception {
    ApprovalRequested approval = pending(null, false);
    MockHttpSession session = login("ann");

    MvcResult moved =
        mvc.perform(
                post("/inbox/" + approval.escalationId() + "/reassign")
                    .with(cookieOf(session))
                    .with(csrf())
                    .param("to", "human:managers"))
            .andExpect(status().isFound())
            .andExpect(flash().attributeExists("notice"))
            .andReturn();

    // Its page would now refuse ann (not her queue): the list says what happened instead.
    assertThat(moved.getResponse().getRedirectedUrl()).startsWith("/inbox?answered=");
    mvc.perform(
            get(moved.getResponse().getRedirectedUrl())
                .with(cookieOf(session))
                .flashAttrs(moved.getFlashMap()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Reassigned to human:managers.")));
    assertThat(writtenFor(approval))
        .singleElement()
        .isInstanceOfSatisfying(
            ResolutionEvent.Reassigned.class,
            reassigned -> assertThat(reassigned.newOwner()).isEqualTo("human:managers"));
  }

  @Test
  void shouldOfferOnlyTheAgentsTheCatalogListsAndRefuseAnyOther() throws Exception {
    var question = Escalations.questionAsked("page-" + UUID.randomUUID(), NOW.minusSeconds(10));
    inbox.apply(question);
    ApprovalRequested approval = pending(null, false);
    MockHttpSession bob = login("bob");

    mvc.perform(get("/inbox/" + question.escalationId()).with(cookieOf(bob)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<option value=\"agent:clerk\">")))
        .andExpect(content().string(containsString("<option value=\"agent:scout\">")))
        .andExpect(content().string(containsString("Agents: agent:clerk, agent:scout;")));
    // An approval stays with people: no agent is offered.
    mvc.perform(get("/inbox/" + approval.escalationId()).with(cookieOf(bob)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<option value=\"agent:"))));

    mvc.perform(
            post("/inbox/" + question.escalationId() + "/reassign")
                .with(cookieOf(bob))
                .with(csrf())
                .param("to", "agent:nobody"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("there is no agent:nobody to hand the goal")));
    synchronized (inbox) {
      assertThat(inbox.written)
          .noneMatch(event -> event.escalationId().equals(question.escalationId()));
    }
  }

  @Test
  void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
    ApprovalRequested approval = pending(null, false);

    mvc.perform(post("/inbox/" + approval.escalationId() + "/approve").with(cookieOf(login("ann"))))
        .andExpect(status().isForbidden());
    assertThat(writtenFor(approval)).isEmpty();
  }

  @Test
  void shouldShowTheRequesterWhyTheyMayNotApproveAndRefuseWith403() throws Exception {
    ApprovalRequested approval = pending("carol", true);
    MockHttpSession session = login("carol");

    mvc.perform(get("/inbox/" + approval.escalationId()).with(cookieOf(session)))
        .andExpect(content().string(containsString("four-eyes: &#39;carol&#39; asked for goal")));
    mvc.perform(
            post("/inbox/" + approval.escalationId() + "/approve")
                .with(cookieOf(session))
                .with(csrf()))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("id=\"problem\"")));
    assertThat(writtenFor(approval)).isEmpty();
  }

  @Test
  void shouldDenyWithAReasonOnly() throws Exception {
    ApprovalRequested approval = pending(null, false);
    MockHttpSession session = login("bob");

    mvc.perform(
            post("/inbox/" + approval.escalationId() + "/deny")
                .with(cookieOf(session))
                .with(csrf())
                .param("reason", " "))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("a denial needs a non-blank")));
    mvc.perform(
            post("/inbox/" + approval.escalationId() + "/deny")
                .with(cookieOf(session))
                .with(csrf())
                .param("reason", "wrong customer"))
        .andExpect(status().isFound());

    assertThat(writtenFor(approval))
        .singleElement()
        .isInstanceOfSatisfying(
            Denied.class, denied -> assertThat(denied.reason()).isEqualTo("wrong customer"));
  }

  @Test
  void shouldPreviewAnEditAsADiff() throws Exception {
    ApprovalRequested approval = pending(null, false);
    MockHttpSession session = login("ann");

    mvc.perform(
            post("/inbox/" + approval.escalationId() + "/edit/preview")
                .with(cookieOf(session))
                .with(csrf())
                .param(
                    "arguments",
                    "{\"to\":\"pat@acme.example\",\"subject\":\"Hello\",\"body\":\"Hi Pat\"}"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("diff-changed"),
                        containsString("pat.lee@acme.example"),
                        containsString("pat@acme.example"))));
    mvc.perform(
            post("/inbox/" + approval.escalationId() + "/edit/preview")
                .with(cookieOf(session))
                .with(csrf())
                .param("arguments", "{\"to\":"))
        .andExpect(content().string(containsString("not valid JSON yet")));
  }

  private ApprovalRequested pending(String requestedBy, boolean fourEyes) {
    ApprovalRequested approval =
        Escalations.approvalRequested(
            "page-" + UUID.randomUUID(), NOW.minusSeconds(300), requestedBy, fourEyes, null);
    inbox.apply(approval);
    return approval;
  }

  private List<ResolutionEvent> writtenFor(ApprovalRequested approval) {
    synchronized (inbox) {
      return inbox.written.stream()
          .filter(event -> event.escalationId().equals(approval.escalationId()))
          .toList();
    }
  }

  @Test
  void shouldShowHealthDetailsToNobodyButTheAdminRole() throws Exception {
    MockHttpSession ann = login("ann");

    for (RequestPostProcessor caller : List.of(cookieOf(new MockHttpSession()), cookieOf(ann))) {
      mvc.perform(get("/actuator/health").with(caller))
          .andExpect(content().string(containsString("\"status\"")))
          .andExpect(content().string(not(containsString("components"))));
    }
  }

  private MockHttpSession login(String user) throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/login")
                .with(cookieOf(session))
                .with(csrf())
                .param("username", user)
                .param("password", PASSWORD))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/inbox"));
    return session;
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
}
