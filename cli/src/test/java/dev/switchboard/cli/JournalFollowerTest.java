package dev.switchboard.cli;

import static dev.switchboard.cli.Journals.COMPLETED;
import static dev.switchboard.cli.Journals.ESCALATED;
import static dev.switchboard.cli.Journals.PROPOSED;
import static dev.switchboard.cli.Journals.SUBMITTED;
import static dev.switchboard.cli.Journals.journal;
import static dev.switchboard.cli.StubHttpServer.ok;
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
  private static final String PATH = "/api/goals/g-1";

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
  void shouldPrintEachEntryOnceAcrossPolls() {
    trace.on(
        "GET",
        PATH,
        ok(journal("g-1", "RUNNING", SUBMITTED)),
        ok(journal("g-1", "RUNNING", SUBMITTED, PROPOSED)),
        ok(journal("g-1", "RUNNING", SUBMITTED, PROPOSED)));
    JournalFollower follower = follower(trace.url(), Clock.systemUTC());

    follower.poll("g-1");
    follower.poll("g-1");
    follower.poll("g-1");

    assertThat(lines())
        .containsExactly(
            "10:00:00.000  goals          GoalSubmitted        Tell ACME",
            "10:00:01.000  plan           StepsProposed        propose demo.lookup");
  }

  @Test
  void shouldReturnOnlyEntriesItHasNotReturnedBefore() {
    JournalFollower follower = follower(trace.url(), Clock.systemUTC());
    JournalEntry first = new JournalEntry("goals", "GoalSubmitted", "e1", null, Instant.EPOCH, "");
    JournalEntry second = new JournalEntry("plan", "StepsProposed", "e2", null, Instant.EPOCH, "");

    assertThat(follower.newEntries(new GoalJournal("g", null, null, null, List.of(first))))
        .containsExactly(first);
    assertThat(follower.newEntries(new GoalJournal("g", null, null, null, List.of(second, first))))
        .containsExactly(second);
    assertThat(follower.newEntries(new GoalJournal("g", null, null, null, List.of(first, second))))
        .isEmpty();
  }

  @Test
  void shouldWaitWhileTheGoalIsUnknownAndStopWhenItEnds() {
    trace.on(
        "GET",
        PATH,
        status(404),
        status(404),
        ok(journal("g-1", "RUNNING", SUBMITTED)),
        ok(journal("g-1", "COMPLETED", SUBMITTED, PROPOSED, COMPLETED)));

    Optional<GoalJournal> end =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofSeconds(10));

    assertThat(end).map(GoalJournal::status).contains(GoalStatus.COMPLETED);
    assertThat(lines()).hasSize(4).first().asString().contains("waiting for the trace-service");
    assertThat(trace.requestsTo("GET", PATH)).hasSize(4);
  }

  @Test
  void shouldStopAtAPersonUnlessToldToFollowUntilDone() {
    trace.on("GET", PATH, ok(journal("g-1", "WAITING_FOR_HUMAN", SUBMITTED, ESCALATED)));

    Optional<GoalJournal> atPerson =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", false, Duration.ofSeconds(10));
    Optional<GoalJournal> untilDone =
        follower(trace.url(), Clock.systemUTC()).follow("g-1", true, Duration.ofMillis(100));

    assertThat(atPerson).map(GoalJournal::status).contains(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(untilDone).isEmpty();
    assertThat(lines()).contains("-- waiting for a person (see: bin/switchboard inbox)");
  }

  @Test
  void shouldReadStatusesItDoesNotKnowAsUnknown() {
    trace.on("GET", PATH, ok(journal("g-1", "PAUSED_BY_MARS", SUBMITTED)));

    Optional<GoalJournal> journal = follower(trace.url(), Clock.systemUTC()).poll("g-1");

    assertThat(journal).map(GoalJournal::status).contains(GoalStatus.UNKNOWN);
  }

  @Test
  void shouldGiveUpOnATraceServiceThatStaysUnreachable() throws IOException {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + socket.getLocalPort();
    }
    MovableClock clock = new MovableClock();
    JournalFollower follower = follower(closedPort, clock);

    assertThat(follower.poll("g-1")).isEmpty();
    clock.advance(Duration.ofSeconds(16));

    assertThatThrownBy(() -> follower.poll("g-1"))
        .isInstanceOf(ServiceUnreachableException.class)
        .hasMessageContaining("connection refused");
    assertThat(lines()).singleElement().asString().contains("retrying");
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-02T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
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
    public Instant instant() {
      return now;
    }
  }
}
