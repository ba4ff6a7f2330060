package dev.switchboard.cli;

import static dev.switchboard.cli.Journals.COMPLETED;
import static dev.switchboard.cli.Journals.ESCALATED;
import static dev.switchboard.cli.Journals.FAILED;
import static dev.switchboard.cli.Journals.KEEP_ALIVE;
import static dev.switchboard.cli.Journals.PROPOSED;
import static dev.switchboard.cli.Journals.SUBMITTED;
import static dev.switchboard.cli.Journals.approval;
import static dev.switchboard.cli.Journals.journalEvent;
import static dev.switchboard.cli.Journals.updateEvent;
import static dev.switchboard.cli.StubHttpServer.events;
import static dev.switchboard.cli.StubHttpServer.ok;
import static dev.switchboard.cli.StubHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoRunTest {
  private static final String JOURNAL = "/api/goals/g-1";
  private static final String EVENTS = JOURNAL + "/events";

  private final StubHttpServer trace = new StubHttpServer();
  private final StubHttpServer handoff = new StubHttpServer();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final List<GoalSubmitted> submitted = new ArrayList<>();

  DemoRunTest() throws IOException {
    handoff.on("GET", "/api/escalations", ok(Journals.page(approval("esc-1", "g-1"))));
    handoff.on("POST", "/api/escalations/esc-1/approve", status(200));
    handoff.on("POST", "/api/escalations/esc-1/deny", status(200));
  }

  @AfterEach
  void stopServers() {
    trace.close();
    handoff.close();
  }

  private int runDemo(ApprovalPrompt prompt, Duration timeout) {
    return runDemo(prompt, timeout, Optional.empty());
  }

  private int runDemo(ApprovalPrompt prompt, Duration timeout, Optional<String> jaegerUrl) {
    return runDemo(prompt, timeout, jaegerUrl, Clock.systemUTC());
  }

  private int runDemo(
      ApprovalPrompt prompt, Duration timeout, Optional<String> jaegerUrl, Clock clock) {
    JsonHttp http = new JsonHttp();
    JournalLineFormat format = new JournalLineFormat(ZoneOffset.UTC);
    TraceClient traceClient = new TraceClient(trace.url(), new InboxLogin.Token("s3cret"), http);
    GoalSubmitter submitter =
        goal -> {
          submitted.add(goal);
          return "g-1";
        };
    return new DemoRun(
            submitter,
            traceClient,
            new JournalFollower(traceClient, format, out, clock, Duration.ofMillis(5)),
            new InboxClient(handoff.url(), "s3cret", http),
            prompt,
            format,
            out,
            clock,
            jaegerUrl)
        .run(timeout);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldSubmitTheDemoGoalApproveOnceAndReportCompletion() {
    trace.on(
        "GET",
        EVENTS,
        status(404),
        events(
            journalEvent(2, "g-1", "RUNNING", SUBMITTED, PROPOSED),
            updateEvent(
                3,
                "RUNNING",
                Journals.handoff(
                    "HandoffRequested",
                    "h1",
                    "2026-01-02T10:00:01.100Z",
                    "sdr",
                    "agent:researcher",
                    "handoff to agent:researcher"),
                Journals.handoff(
                    "Reassigned",
                    "h2",
                    "2026-01-02T10:00:01.200Z",
                    "sdr",
                    "agent:researcher",
                    "reassigned to agent:researcher")),
            updateEvent(4, "WAITING_FOR_HUMAN", ESCALATED)),
        events(KEEP_ALIVE),
        events(updateEvent(5, "COMPLETED", COMPLETED)));

    int exit =
        runDemo(
            ApprovalPrompt.automatic(out, new EscalationFormat(ZoneOffset.UTC), "no terminal"),
            Duration.ofSeconds(10),
            Optional.of("http://jaeger.example:16686"));

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(submitted)
        .singleElement()
        .satisfies(
            goal -> {
              assertThat(goal.agent()).isEqualTo("sdr");
              assertThat(goal.inputs()).isEqualTo(Map.of("account", "ACME"));
            });
    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-1/approve"))
        .singleElement()
        .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer s3cret"));
    assertThat(output())
        .contains("-- handoff: sdr -> researcher")
        .contains("-- researcher holds the goal")
        .contains("Approving automatically (no terminal)")
        .contains("Goal g-1 COMPLETED: told ACME")
        .contains("Journal: " + trace.url() + JOURNAL)
        .contains("Console: " + trace.url() + "/goals/g-1")
        .contains("Trace: http://jaeger.example:16686/trace/" + Journals.TRACE_ID);
  }

  @Test
  void shouldDenyWhenThePersonSaysNoAndExitWithFailure() {
    trace.on(
        "GET",
        EVENTS,
        events(journalEvent(2, "g-1", "WAITING_FOR_HUMAN", SUBMITTED, ESCALATED)),
        events(updateEvent(3, "FAILED", FAILED)));

    int exit =
        runDemo(
            ApprovalPrompt.interactive(out, new EscalationFormat(ZoneOffset.UTC), text -> "n"),
            Duration.ofSeconds(10));

    assertThat(exit).isEqualTo(ExitCode.FAILED);
    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-1/deny")).hasSize(1);
    assertThat(handoff.requestsTo("POST", "/api/escalations/esc-1/approve")).isEmpty();
    assertThat(output()).contains("Denied esc-1").contains("Goal g-1 FAILED: mail bounced");
  }

  @Test
  void shouldNotAskTheInboxBeforeTheGoalWaitsForAPerson() {
    trace.on("GET", EVENTS, events(journalEvent(2, "g-1", "RUNNING", SUBMITTED, PROPOSED)));

    int exit =
        runDemo(
            ApprovalPrompt.automatic(out, new EscalationFormat(ZoneOffset.UTC), "--yes"),
            Duration.ofSeconds(1),
            Optional.empty(),
            new FrozenUntilClock(() -> output().contains("StepsProposed")));

    assertThat(exit).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(handoff.requests()).isEmpty();
    assertThat(output())
        .contains("did not finish")
        .contains("status RUNNING")
        .contains("Journal: ")
        .contains("Console: ")
        .doesNotContain("Trace: ");
  }

  @Test
  void shouldSayWhenAConfiguredJaegerHasNoTraceOfTheGoal() {
    trace.on(
        "GET",
        EVENTS,
        events(
            journalEvent(2, "g-1", "COMPLETED", SUBMITTED, COMPLETED)
                .replace("\"traceId\":\"" + Journals.TRACE_ID + "\",", "")));

    int exit =
        runDemo(
            ApprovalPrompt.automatic(out, new EscalationFormat(ZoneOffset.UTC), "--yes"),
            Duration.ofSeconds(10),
            Optional.of("http://jaeger.example:16686"));

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(output()).contains("Trace: none recorded for this goal");
  }
}
