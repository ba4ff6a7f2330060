package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One goal's journal as it changes in this instance's store. No gap: it registers for changes
 * before it reads the journal, and the store signals each change after storing it, so a change is
 * either in what it read or signalled afterwards; versions it already gave are skipped.
 */
final class LocalGoalFeed {
  private final String goalId;
  private final LocalJournals local;
  private final GoalOwners owners;
  private final GoalSink sink;
  private final SseConnection connection;
  private final Duration heartbeat;
  private final Semaphore changed = new Semaphore(0);
  private JournalChanges.Registration registration;
  private long delivered;

  private LocalGoalFeed(
      String goalId,
      LocalJournals local,
      GoalOwners owners,
      GoalSink sink,
      SseConnection connection,
      Duration heartbeat) {
    this.goalId = goalId;
    this.local = local;
    this.owners = owners;
    this.sink = sink;
    this.connection = connection;
    this.heartbeat = heartbeat;
  }

  /**
   * Gives the sink the journal as it is, then follows it on a virtual thread until the client
   * leaves, the stream ends or the goal's partition moves away.
   *
   * @throws UnknownGoalException when this instance has not seen the goal
   */
  static void start(
      String goalId,
      LocalJournals local,
      JournalChanges changes,
      GoalOwners owners,
      GoalSink sink,
      SseConnection connection,
      Duration heartbeat) {
    LocalGoalFeed feed = new LocalGoalFeed(goalId, local, owners, sink, connection, heartbeat);
    feed.registration = changes.watch(goalId, feed.changed::release);
    try {
      Journal journal = local.journal(goalId).orElseThrow(() -> new UnknownGoalException(goalId));
      feed.deliver(journal);
    } catch (RuntimeException e) {
      feed.registration.close();
      throw e;
    }
    connection.onClose(feed.changed::release);
    Thread.ofVirtual().name("journal-stream-" + goalId).start(feed::follow);
  }

  private void follow() {
    try {
      while (connection.open()) {
        boolean woken = changed.tryAcquire(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        if (!connection.open()) {
          return;
        }
        if (!woken) {
          sink.idle();
          connection.heartbeat();
          if (!(owners.ownerOf(goalId) instanceof GoalOwners.Here)) {
            return; // the client reconnects and is routed to the new owner
          }
          continue;
        }
        changed.drainPermits();
        current().filter(journal -> journal.version() > delivered).ifPresent(this::deliver);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registration.close();
      connection.end();
    }
  }

  private Optional<Journal> current() {
    try {
      return local.journal(goalId);
    } catch (GoalStates.StateNotReadyException e) {
      // Rebalancing: the next change or heartbeat tries again, or finds the goal moved.
      return Optional.empty();
    }
  }

  private void deliver(Journal journal) {
    delivered = journal.version();
    sink.journal(journal);
  }
}
