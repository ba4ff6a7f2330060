package dev.switchboard.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a goal's journal on the trace-service's live stream ({@code GET
 * /api/goals/{goalId}/events}) and prints each entry once, plus status changes. A stream that ends
 * or goes silent is reopened with {@code Last-Event-ID}, so nothing is printed twice or missed; a
 * trace-service that stops answering is waited for, for a while.
 */
final class JournalFollower {
  static final Duration DEFAULT_TICK = Duration.ofMillis(300);
  static final Duration UNREACHABLE_GRACE = Duration.ofSeconds(15);

  /** The trace-service sends a keep-alive every 10 s: three missed mean a dead connection. */
  static final Duration SILENCE_LIMIT = Duration.ofSeconds(35);

  private static final String JOURNAL_EVENT = "journal";
  private static final String UPDATE_EVENT = "update";

  /** Says, at each change and while nothing changes, whether following is done. */
  @FunctionalInterface
  interface Watcher {
    boolean done(GoalJournal journal);
  }

  private final TraceClient trace;
  private final JournalLineFormat format;
  private final PrintStream out;
  private final Clock clock;
  private final Duration tick;
  private final Set<String> printed = new HashSet<>();
  private GoalStatus lastStatus;
  private GoalJournal lastSeen;
  private boolean announcedUnknown;
  private String announcedUnavailable;
  private Instant unreachableSince;

  JournalFollower(
      TraceClient trace, JournalLineFormat format, PrintStream out, Clock clock, Duration tick) {
    this.trace = trace;
    this.format = format;
    this.out = out;
    this.clock = clock;
    this.tick = tick;
  }

  /** Entries of this journal not returned before, in journal order. */
  List<JournalEntry> newEntries(GoalJournal journal) {
    List<JournalEntry> fresh = new ArrayList<>();
    for (JournalEntry entry : journal.events()) {
      if (printed.add(entry.identity())) {
        fresh.add(entry);
      }
    }
    return fresh;
  }

  /** The journal as last received, if any came. */
  Optional<GoalJournal> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }

  /**
   * Follows the goal until it ends, or, unless {@code untilDone}, until it waits for a person.
   *
   * @return the journal at that point, or empty when the timeout passed first
   */
  Optional<GoalJournal> follow(String goalId, boolean untilDone, Duration timeout) {
    return watch(
        goalId,
        new Deadline(clock, timeout),
        journal ->
            journal.status().ended()
                || (!untilDone && journal.status() == GoalStatus.WAITING_FOR_HUMAN));
  }

  /**
   * Follows the goal until the watcher is done or the deadline passes.
   *
   * @return the journal the watcher was done with, or empty when the deadline passed first
   * @throws ServiceUnreachableException when the trace-service stays unreachable for {@link
   *     #UNREACHABLE_GRACE}
   */
  Optional<GoalJournal> watch(String goalId, Deadline deadline, Watcher watcher) {
    String lastEventId = null;
    while (!deadline.passed()) {
      TraceClient.EventsAnswer answer = open(goalId, lastEventId);
      if (answer instanceof TraceClient.Opened opened) {
        try (JournalStream stream = opened.stream()) {
          StreamEnd end = follow(stream, deadline, watcher);
          if (end.done()) {
            return Optional.of(lastSeen);
          }
          lastEventId = end.lastEventId() != null ? end.lastEventId() : lastEventId;
        }
      } else {
        announce(goalId, answer);
        if (lastSeen != null && watcher.done(lastSeen)) {
          return Optional.of(lastSeen);
        }
      }
      if (!deadline.passed()) {
        Pause.sleep(tick);
      }
    }
    return Optional.empty();
  }

  /** How reading one stream ended: the watcher done, or the id to resume after. */
  private record StreamEnd(boolean done, String lastEventId) {}

  /**
   * Reads one stream until the watcher is done, the deadline passes, or the stream ends or goes
   * silent.
   */
  private StreamEnd follow(JournalStream stream, Deadline deadline, Watcher watcher) {
    String lastEventId = null;
    while (!deadline.passed()) {
      Duration wait = deadline.remaining().compareTo(tick) < 0 ? deadline.remaining() : tick;
      switch (stream.next(wait)) {
        case JournalStream.Arrived arrived -> {
          ServerSentEvents.Event event = arrived.event();
          if (take(event)) {
            lastEventId = event.id() != null ? event.id() : lastEventId;
            if (watcher.done(lastSeen)) {
              return new StreamEnd(true, lastEventId);
            }
          }
        }
        case JournalStream.Quiet quiet -> {
          if (lastSeen != null && watcher.done(lastSeen)) {
            return new StreamEnd(true, lastEventId);
          }
          if (stream.silence().compareTo(SILENCE_LIMIT) > 0) {
            return new StreamEnd(false, lastEventId);
          }
        }
        case JournalStream.Ended ended -> {
          return new StreamEnd(false, lastEventId);
        }
      }
    }
    return new StreamEnd(false, lastEventId);
  }

  /** Applies a journal or update event and prints what is new; false for other events. */
  private boolean take(ServerSentEvents.Event event) {
    GoalJournal journal;
    if (JOURNAL_EVENT.equals(event.name())) {
      journal = trace.read(event, GoalJournal.class);
    } else if (UPDATE_EVENT.equals(event.name()) && lastSeen != null) {
      journal = lastSeen.with(trace.read(event, GoalJournal.Update.class));
    } else {
      return false;
    }
    for (JournalEntry entry : newEntries(journal)) {
      out.println(format.entry(entry));
      format.handoff(entry).ifPresent(out::println);
    }
    GoalStatus status = journal.status();
    if (status != lastStatus && status != GoalStatus.RUNNING && !status.ended()) {
      out.println(format.statusChange(status));
    }
    lastStatus = status;
    lastSeen = journal;
    return true;
  }

  /** Opens the stream; null while the trace-service is unreachable (within the grace). */
  private TraceClient.EventsAnswer open(String goalId, String lastEventId) {
    try {
      TraceClient.EventsAnswer answer = trace.events(goalId, lastEventId);
      unreachableSince = null;
      return answer;
    } catch (ServiceUnreachableException e) {
      Instant now = clock.instant();
      if (unreachableSince == null) {
        unreachableSince = now;
        out.println("(" + e.getMessage() + "; retrying)");
      } else if (now.isAfter(unreachableSince.plus(UNREACHABLE_GRACE))) {
        throw e;
      }
      return null;
    }
  }

  private void announce(String goalId, TraceClient.EventsAnswer answer) {
    if (answer instanceof TraceClient.NotSeen && !announcedUnknown) {
      out.println("(waiting for the trace-service to see goal " + goalId + ")");
      announcedUnknown = true;
    } else if (answer instanceof TraceClient.Unavailable unavailable
        && !unavailable.why().equals(announcedUnavailable)) {
      out.println("(" + unavailable.why() + "; retrying)");
      announcedUnavailable = unavailable.why();
    }
  }
}
