package dev.switchboard.cli;

import static dev.switchboard.cli.Journals.COMPLETED;
import static dev.switchboard.cli.Journals.ESCALATED;
import static dev.switchboard.cli.Journals.KEEP_ALIVE;
import static dev.switchboard.cli.Journals.PROPOSED;
import static dev.switchboard.cli.Journals.SUBMITTED;
import static dev.switchboard.cli.Journals.journalEvent;
import static dev.switchboard.cli.Journals.updateEvent;
import static dev.switchboard.cli.StubHttpServer.events;
import static dev.switchboard.cli.StubHttpServer.problem;
import static dev.switchboard.cli.StubHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JournalFollowerTest {
  private static final String PATH = "/api/goals/g-1/events";
  private static final String SUBMITTED_LINE =
      "10:00:00.000  goals          GoalSubmitted        Tell ACME";

  private final StubHttpServer trace = new StubHttpServer();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  JournalFollowerTest() throws IOException {}

  @AfterEach
  void stopServer() {
    trace.close();
  }

  private JournalFollower follower(String url, Clock clock) {
    return new JournalFollower(
        new TraceClient(url, new JsonHttp()),
        new JournalLineFormat(ZoneOffset.UTC),
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        clock,
        Duration.ofMillis(5));
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void shouldPrintEachEntryOnceAndResumeAfterTheLastEventIdWhenTheStreamEnds() {
    trace.on(
        "GET",
        PATH,
        events(journalEvent(1, "g-1", "RUNNING", SUBMITTED), KEEP_ALIVE),
        events(updateEvent(2, "RUNNING", PROPOSED)),
        events(updateEvent(4, "COMPLETED", PROPOSED, COMPLETED)));

    Optional<GoalJournal> end =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofSeconds(10));

    assertThat(end).map(GoalJournal::status).contains(GoalStatus.COMPLETED);
    assertThat(end.orElseThrow().events()).hasSize(3);
    assertThat(end.orElseThrow().traceId()).isEqualTo(Journals.TRACE_ID);
    assertThat(lines())
        .containsExactly(
            SUBMITTED_LINE,
            "10:00:01.000  plan           StepsProposed        propose demo.lookup",
            "10:00:03.000  outcome        GoalCompleted        told ACME");
    assertThat(trace.requestsTo("GET", PATH))
        .extracting(StubHttpServer.Request::lastEventId)
        .containsExactly(null, "1", "2");
  }

  @Test
  void shouldReturnOnlyEntriesItHasNotReturnedBefore() {
    JournalFollower follower = follower(trace.url(), Clock.systemUTC());
    JournalEntry first = new JournalEntry("goals", "GoalSubmitted", "e1", null, Instant.EPOCH, "");
    JournalEntry second = new JournalEntry("plan", "StepsProposed", "e2", null, Instant.EPOCH, "");

    assertThat(follower.newEntries(journal(first))).containsExactly(first);
    assertThat(follower.newEntries(journal(second, first))).containsExactly(second);
    assertThat(follower.newEntries(journal(first, second))).isEmpty();
  }

  @Test
  void shouldWaitWhileTheGoalIsUnknownAndStopWhenItEnds() {
    trace.on(
        "GET",
        PATH,
        status(404),
        status(404),
        events(journalEvent(3, "g-1", "COMPLETED", SUBMITTED, PROPOSED, COMPLETED)));

    Optional<GoalJournal> end =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofSeconds(10));

    assertThat(end).map(GoalJournal::status).contains(GoalStatus.COMPLETED);
    assertThat(lines()).hasSize(4).first().asString().contains("waiting for the trace-service");
    assertThat(trace.requestsTo("GET", PATH)).hasSize(3);
  }

  @Test
  void shouldStopAtAPersonUnlessToldToFollowUntilDone() {
    trace.on(
        "GET", PATH, events(journalEvent(2, "g-1", "WAITING_FOR_HUMAN", SUBMITTED, ESCALATED)));

    Optional<GoalJournal> atPerson =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", false, Duration.ofSeconds(10));
    Optional<GoalJournal> untilDone =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofMillis(200));

    assertThat(atPerson).map(GoalJournal::status).contains(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(untilDone).isEmpty();
    assertThat(lines()).contains("-- waiting for a person (see: bin/switchboard inbox)");
  }

  @Test
  void shouldReadStatusesItDoesNotKnowAsUnknown() {
    trace.on("GET", PATH, events(journalEvent(1, "g-1", "PAUSED_BY_MARS", SUBMITTED)));
    JournalFollower follower =
        follower(trace.url(), new FrozenUntilClock(() -> lines().contains(SUBMITTED_LINE)));

    Optional<GoalJournal> end = follower.follow("g-1", true, Duration.ofSeconds(1));

    assertThat(end).isEmpty();
    assertThat(follower.lastSeen()).map(GoalJournal::status).contains(GoalStatus.UNKNOWN);
  }

  @Test
  void shouldRetryATraceServiceThatCannotServeYet() {
    trace.on(
        "GET",
        PATH,
        problem(503, "goal state is being restored or rebalanced; retry shortly"),
        events(journalEvent(2, "g-1", "COMPLETED", SUBMITTED, COMPLETED)));

    Optional<GoalJournal> end =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofSeconds(10));

    assertThat(end).map(GoalJournal::status).contains(GoalStatus.COMPLETED);
    assertThat(lines())
        .first()
        .isEqualTo(
            "(trace-service answered HTTP 503: goal state is being restored or rebalanced; retry"
                + " shortly; retrying)");
  }

  @Test
  void shouldGiveUpOnATraceServiceThatStaysUnreachable() throws IOException {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + socket.getLocalPort();
    }
    JournalFollower follower = follower(closedPort, new TickingClock(Duration.ofSeconds(1)));

    assertThatThrownBy(() -> follower.follow("g-1", true, Duration.ofMinutes(10)))
        .isInstanceOf(ServiceUnreachableException.class)
        .hasMessageContaining("connection refused");
    assertThat(lines()).singleElement().asString().contains("retrying");
  }

  private static GoalJournal journal(JournalEntry... entries) {
    return new GoalJournal("g", null, null, null, null, List.of(entries));
  }

  /** A clock that moves on by a step each time it is read. */
  static final class TickingClock extends Clock {
    private final Duration step;
    private Instant now = Instant.parse("2026-01-02T10:00:00Z");

    TickingClock(Duration step) {
      this.step = step;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plus(step);
      return now;
    }
  }
}
