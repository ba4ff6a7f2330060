package dev.switchboard.cli;

import static dev.switchboard.cli.Journals.approval;
import static dev.switchboard.cli.StubHttpServer.ok;
import static dev.switchboard.cli.StubHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxClientTest {
  private final StubHttpServer handoff = new StubHttpServer();
  private final InboxClient inbox = new InboxClient(handoff.url() + "/", "s3cret", new JsonHttp());

  InboxClientTest() throws IOException {}

  @AfterEach
  void stopServer() {
    handoff.close();
  }

  @Test
  void shouldListPendingItemsWithTheirAction() {
    handoff.on(
        "GET",
        "/api/escalations",
        ok(Journals.page(approval("esc-1", "g-1"), approval("esc-2", "g-2"))));

    List<Escalation> pending = inbox.pendingFor("g-1");

    assertThat(pending)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.escalationId()).isEqualTo("esc-1");
              assertThat(item.action().tool()).isEqualTo("mail.send");
              assertThat(item.action().sideEffect()).isTrue();
              assertThat(item.action().arguments().get("to").asString())
                  .isEqualTo("buyer@acme.example");
              assertThat(item.createdAt()).isEqualTo(Instant.parse("2026-01-02T10:00:02Z"));
            });
    assertThat(handoff.requests())
        .singleElement()
        .extracting(StubHttpServer.Request::authorization)
        .isEqualTo("Bearer s3cret");
  }

  @Test
  void shouldApproveWithACommentAndDenyWithAReason() {
    handoff.on("POST", "/api/escalations/esc-1/approve", status(200));
    handoff.on("POST", "/api/escalations/esc-2/deny", status(204));

    inbox.approve("esc-1", "looks right");
    inbox.deny("esc-2", "wrong customer");

    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-1/approve"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.authorization()).isEqualTo("Bearer s3cret");
              assertThat(request.body()).isEqualTo("{\"comment\":\"looks right\"}");
            });
    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-2/deny"))
        .singleElement()
        .extracting(StubHttpServer.Request::body)
        .isEqualTo("{\"reason\":\"wrong customer\"}");
  }

  @Test
  void shouldExplainRefusalsWithTheServicesReason() {
    handoff.on("GET", "/api/escalations", status(401));
    handoff.on(
        "POST",
        "/api/escalations/esc-1/approve",
        new StubHttpServer.Answer(
            409,
            "{\"status\":409,\"detail\":\"escalation 'esc-1' is already resolved (Approved by"
                + " ann at 2026-01-02T10:00:00Z)\"}"));
    handoff.on(
        "POST",
        "/api/escalations/esc-2/approve",
        new StubHttpServer.Answer(
            403, "{\"status\":403,\"detail\":\"four-eyes: 'carol' asked for goal g-1\"}"));
    handoff.on(
        "POST",
        "/api/escalations/esc-9/approve",
        new StubHttpServer.Answer(500, "{\"error\":\"boom\"}"));

    assertThatThrownBy(inbox::pending)
        .hasMessageContaining("did not accept the service token (HTTP 401)");
    assertThatThrownBy(() -> inbox.approve("esc-1", "c"))
        .hasMessage(
            "escalation 'esc-1' is already resolved (Approved by ann at 2026-01-02T10:00:00Z)");
    assertThatThrownBy(() -> inbox.approve("esc-2", "c"))
        .hasMessage("escalation esc-2: refused: four-eyes: 'carol' asked for goal g-1");
    assertThatThrownBy(() -> inbox.approve("esc-x", "c")).hasMessageContaining("not found");
    assertThatThrownBy(() -> inbox.approve("esc-9", "c"))
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("boom");
  }

  @Test
  void shouldSignInWithAPasswordOnceAndThenUseTheSessionAndItsCsrfToken() {
    handoff.on(
        "POST",
        "/api/session",
        new StubHttpServer.Answer(
            200,
            "{\"name\":\"ann\",\"roles\":[\"approvers\"],\"csrfHeaderName\":\"X-CSRF-TOKEN\","
                + "\"csrfToken\":\"csrf-123\"}",
            java.util.Map.of("Set-Cookie", "JSESSIONID=abc; Path=/; HttpOnly")));
    handoff.on("GET", "/api/escalations", ok(Journals.page(approval("esc-1", "g-1"))));
    handoff.on("POST", "/api/escalations/esc-1/approve", status(202));
    InboxClient asAnn =
        new InboxClient(
            handoff.url(), new InboxLogin.Password("ann", "ann-password-1"), new JsonHttp());

    asAnn.pending();
    asAnn.approve("esc-1", "fine");

    assertThat(handoff.requestsTo("POST", "/api/session"))
        .singleElement()
        .extracting(StubHttpServer.Request::authorization)
        .isEqualTo("Basic YW5uOmFubi1wYXNzd29yZC0x");
    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-1/approve"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.authorization()).isNull();
              assertThat(request.header("Cookie")).isEqualTo("JSESSIONID=abc");
              assertThat(request.header("X-CSRF-TOKEN")).isEqualTo("csrf-123");
            });
  }

  @Test
  void shouldSayWhoCouldNotSignIn() {
    handoff.on("POST", "/api/session", status(401));
    InboxClient asAnn =
        new InboxClient(handoff.url(), new InboxLogin.Password("ann", "wrong"), new JsonHttp());

    assertThatThrownBy(asAnn::pending).hasMessageContaining("did not accept user 'ann'");
    assertThat(new InboxLogin.Password("ann", "wrong").toString()).doesNotContain("wrong");
  }
}
