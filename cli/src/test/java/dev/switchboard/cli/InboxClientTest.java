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
        ok("[" + approval("esc-1", "g-1") + "," + approval("esc-2", "g-2") + "]"));

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
  void shouldExplainRefusals() {
    handoff.on("GET", "/api/escalations", status(401));
    handoff.on("POST", "/api/escalations/esc-1/approve", status(409));
    handoff.on(
        "POST",
        "/api/escalations/esc-9/approve",
        new StubHttpServer.Answer(500, "{\"error\":\"boom\"}"));

    assertThatThrownBy(inbox::pending).hasMessageContaining("refused the operator token");
    assertThatThrownBy(() -> inbox.approve("esc-1", "c")).hasMessageContaining("already resolved");
    assertThatThrownBy(() -> inbox.approve("esc-x", "c")).hasMessageContaining("not found");
    assertThatThrownBy(() -> inbox.approve("esc-9", "c"))
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("boom");
  }
}
