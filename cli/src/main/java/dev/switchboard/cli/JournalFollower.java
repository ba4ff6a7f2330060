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
 * Polls a goal's journal and prints each entry once, however often it is fetched, plus status
 * changes. A trace-service that stops answering for a moment (a restart) is waited for.
 */
final class JournalFollower {
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(300);
  private static final Duration UNREACHABLE_GRACE = Duration.ofSeconds(15);

  private final TraceClient trace;
  private final JournalLineFormat format;
  private final PrintStream out;
  private final Clock clock;
  private final Duration pollInterval;
  private final Set<String> printed = new HashSet<>();
  private GoalStatus lastStatus;
  private boolean announcedUnknown;
  private Instant unreachableSince;

  JournalFollower(
      TraceClient trace,
      JournalLineFormat format,
      PrintStream out,
      Clock clock,
      Duration pollInterval) {
    this.trace = trace;
    this.format = format;
    this.out = out;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  Duration pollInterval() {
    return pollInterval;
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

  /**
   * Fetches the journal once and prints what is new. Empty while the trace-service does not know
   * the goal yet or is briefly unreachable.
   */
  Optional<GoalJournal> poll(String goalId) {
    Optional<GoalJournal> journal = fetch(goalId);
    if (journal.isEmpty()) {
      return journal;
    }
    newEntries(journal.get()).forEach(entry -> out.println(format.entry(entry)));
    GoalStatus status = journal.get().status();
    if (status != lastStatus && status != GoalStatus.RUNNING && !status.ended()) {
      out.println(format.statusChange(status));
    }
    lastStatus = status;
    return journal;
  }

  /**
   * Follows the goal until it ends, or, unless {@code untilDone}, until it waits for a person.
   *
   * @return the journal at that point, or empty when the timeout passed first
   */
  Optional<GoalJournal> follow(String goalId, boolean untilDone, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Optional<GoalJournal> journal = poll(goalId);
      if (journal.isPresent()) {
        GoalStatus status = journal.get().status();
        if (status.ended() || (!untilDone && status == GoalStatus.WAITING_FOR_HUMAN)) {
          return journal;
        }
      }
      if (clock.instant().isAfter(deadline)) {
        return Optional.empty();
      }
      Pause.sleep(pollInterval);
    }
  }

  private Optional<GoalJournal> fetch(String goalId) {
    try {
      Optional<GoalJournal> journal = trace.journal(goalId);
      unreachableSince = null;
      if (journal.isEmpty() && !announcedUnknown) {
        out.println("(waiting for the trace-service to see goal " + goalId + ")");
        announcedUnknown = true;
      }
      return journal;
    } catch (ServiceUnreachableException e) {
      Instant now = clock.instant();
      if (unreachableSince == null) {
        unreachableSince = now;
        out.println("(" + e.getMessage() + "; retrying)");
      } else if (now.isAfter(unreachableSince.plus(UNREACHABLE_GRACE))) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
