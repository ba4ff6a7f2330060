package dev.switchboard.cli;

import static dev.switchboard.cli.Journals.COMPLETED;
import static dev.switchboard.cli.Journals.FAILED;
import static dev.switchboard.cli.Journals.SUBMITTED;
import static dev.switchboard.cli.Journals.approval;
import static dev.switchboard.cli.Journals.journalEvent;
import static dev.switchboard.cli.StubHttpServer.events;
import static dev.switchboard.cli.StubHttpServer.ok;
import static dev.switchboard.cli.StubHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SwitchboardCliTest {
  private final StubHttpServer services = new StubHttpServer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  SwitchboardCliTest() throws IOException {}

  @AfterEach
  void stopServer() {
    services.close();
  }

  private int run(Map<String, String> env, String... args) {
    return SwitchboardCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void shouldExplainBadCommandLinesWithUsageExitCode() {
    assertThat(run()).isEqualTo(ExitCode.USAGE);
    assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
    assertThat(run("submit", "{\"description\": 5")).isEqualTo(ExitCode.USAGE);
    assertThat(run("follow", "g-1", "--trace-url", "localhost:8085", "--token", "t"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(run("follow", "g-1")).as("the trace needs a login").isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown command 'frobnicate'")
        .contains("not valid JSON")
        .contains("--trace-url 'localhost:8085' is not an http(s) URL")
        .contains("'follow' needs a login");
  }

  @Test
  void shouldPrintUsageOnHelp() {
    assertThat(run("--help")).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: switchboard-cli");
  }

  @Test
  void shouldFollowAGoalToItsEndAndExitByOutcome() {
    services.on(
        "GET",
        "/api/goals/g-ok/events",
        events(journalEvent(2, "g-ok", "COMPLETED", SUBMITTED, COMPLETED)));
    services.on(
        "GET",
        "/api/goals/g-bad/events",
        events(journalEvent(2, "g-bad", "FAILED", SUBMITTED, FAILED)));

    assertThat(
            run(
                "follow",
                "g-ok",
                "--trace-url",
                services.url(),
                "--token",
                "viewer-token",
                "--until-done"))
        .isEqualTo(ExitCode.OK);
    assertThat(
            run(
                Map.of("SWITCHBOARD_OPERATOR_TOKEN", "operator-token"),
                "follow",
                "g-bad",
                "--trace-url",
                services.url()))
        .isEqualTo(ExitCode.FAILED);
    assertThat(services.requestsTo("GET", "/api/goals/g-ok/events"))
        .extracting(StubHttpServer.Request::authorization)
        .containsOnly("Bearer viewer-token");
    assertThat(services.requestsTo("GET", "/api/goals/g-bad/events"))
        .extracting(StubHttpServer.Request::authorization)
        .containsOnly("Bearer operator-token");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Goal g-ok COMPLETED: told ACME")
        .contains("Goal g-bad FAILED: mail bounced");
  }

  @Test
  void shouldTimeOutFollowingAGoalThatNeverShowsUp() {
    assertThat(
            run(
                "follow",
                "g-none",
                "--trace-url",
                services.url(),
                "--token",
                "t",
                "--timeout",
                "200ms"))
        .isEqualTo(ExitCode.TIMED_OUT);
  }

  @Test
  void shouldRefuseAJaegerUrlThatIsNotOne() {
    assertThat(run("demo", "--token", "t", "--jaeger-url", "jaeger:16686"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--jaeger-url 'jaeger:16686' is not an http(s) URL");
  }

  @Test
  void shouldTakeTheTokenFromTheEnvironmentForTheInbox() {
    services.on("GET", "/api/escalations", ok(Journals.page(approval("esc-1", "g-1"))));

    assertThat(run("inbox", "--handoff-url", services.url())).isEqualTo(ExitCode.USAGE);
    assertThat(
            run(
                Map.of("SWITCHBOARD_OPERATOR_TOKEN", "t0k"),
                "inbox",
                "--handoff-url",
                services.url()))
        .isEqualTo(ExitCode.OK);
    assertThat(services.requests())
        .singleElement()
        .extracting(StubHttpServer.Request::authorization)
        .isEqualTo("Bearer t0k");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("esc-1").contains("1 pending");
  }

  @Test
  void shouldApproveAndDenyByEscalationId() {
    services.on("POST", "/api/escalations/esc-1/approve", status(200));
    services.on("POST", "/api/escalations/esc-2/deny", status(404));

    assertThat(run("approve", "esc-1", "--token", "t", "--handoff-url", services.url()))
        .isEqualTo(ExitCode.OK);
    assertThat(
            run(
                "deny",
                "esc-2",
                "--reason",
                "wrong customer",
                "--token",
                "t",
                "--handoff-url",
                services.url()))
        .isEqualTo(ExitCode.FAILED);
    assertThat(services.requestsTo("POST", "/api/escalations/esc-2/deny"))
        .singleElement()
        .extracting(StubHttpServer.Request::body)
        .isEqualTo("{\"reason\":\"wrong customer\"}");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("escalation esc-2 was not found");
  }

  @Test
  void shouldSignInWithAUserAndThePasswordFromTheEnvironment() {
    services.on(
        "POST",
        "/api/session",
        new StubHttpServer.Answer(
            200,
            "{\"name\":\"ann\",\"roles\":[],\"csrfHeaderName\":\"X-CSRF-TOKEN\",\"csrfToken\":\"c\"}",
            Map.of("Set-Cookie", "JSESSIONID=s1; Path=/")));
    services.on("GET", "/api/escalations", ok(Journals.page(approval("esc-1", "g-1"))));

    assertThat(run("inbox", "--user", "ann", "--handoff-url", services.url()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--user needs its password");
    assertThat(
            run(
                Map.of("SWITCHBOARD_USER", "ann", "SWITCHBOARD_PASSWORD", "pw-of-ann-12"),
                "inbox",
                "--handoff-url",
                services.url()))
        .isEqualTo(ExitCode.OK);
    assertThat(services.requestsTo("GET", "/api/escalations"))
        .singleElement()
        .extracting(request -> request.header("Cookie"))
        .isEqualTo("JSESSIONID=s1");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("due in 3 h 12 min");
  }

  @Test
  void shouldHashAPasswordFromStdinWithBcrypt() {
    ByteArrayOutputStream hashed = new ByteArrayOutputStream();
    int exit =
        SwitchboardCli.run(
            new String[] {"hash-password"},
            new java.io.ByteArrayInputStream(
                "a-long-password-1\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(hashed, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of());

    String hash = hashed.toString(StandardCharsets.UTF_8).strip();
    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(hash).startsWith("$2a$10$").hasSize(60);
    assertThat(org.springframework.security.crypto.bcrypt.BCrypt.checkpw("a-long-password-1", hash))
        .isTrue();
  }
}
