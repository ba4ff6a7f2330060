package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live list of goals: this instance's goals as its store changes, plus (unless the request was
 * forwarded) each other instance's live list, merged into one {@link GoalListModel}. No gap: each
 * source registers for changes before it reads its snapshot. When the instances or the partitions
 * they hold change, or a source ends, the stream ends and the client reconnects to a fresh
 * snapshot.
 */
final class GoalListFeed {
  /** More goals changed between two looks than a snapshot is worth: start over. */
  static final int MAX_PENDING_CHANGES = 10_000;

  private sealed interface PeerInput {}

  private record PeerSnapshot(String peer, List<GoalListItem> goals) implements PeerInput {}

  private record PeerGoal(GoalListItem goal) implements PeerInput {}

  private record PeerRemoved(String goalId) implements PeerInput {}

  private record PeerEnded(String peer) implements PeerInput {}

  private final RecentGoalsQuery query;
  private final LocalJournals local;
  private final GoalOwners owners;
  private final PeerClient peers;
  private final JsonMapper json;
  private final GoalListSink sink;
  private final SseConnection connection;
  private final Duration heartbeat;
  private final Duration peerTimeout;
  private final Set<String> changedHere = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<PeerInput> fromPeers = new LinkedBlockingQueue<>(1_000);
  private final Semaphore wake = new Semaphore(0);
  private final List<PeerClient.PeerStream> peerStreams = new CopyOnWriteArrayList<>();
  private volatile boolean overflowed;
  private JournalChanges.Registration registration;

  private GoalListFeed(
      RecentGoalsQuery query,
      LocalJournals local,
      GoalOwners owners,
      PeerClient peers,
      JsonMapper json,
      GoalListSink sink,
      SseConnection connection,
      Duration heartbeat,
      Duration peerTimeout) {
    this.query = query;
    this.local = local;
    this.owners = owners;
    this.peers = peers;
    this.json = json;
    this.sink = sink;
    this.connection = connection;
    this.heartbeat = heartbeat;
    this.peerTimeout = peerTimeout;
  }

  record Settings(Duration heartbeat, Duration peerTimeout) {}

  static void start(
      RecentGoalsQuery query,
      LocalJournals local,
      JournalChanges changes,
      GoalOwners owners,
      PeerClient peers,
      JsonMapper json,
      Map<String, String> passedOn,
      boolean forwarded,
      GoalListSink sink,
      SseConnection connection,
      Settings settings) {
    GoalListFeed feed =
        new GoalListFeed(
            query,
            local,
            owners,
            peers,
            json,
            sink,
            connection,
            settings.heartbeat(),
            settings.peerTimeout());
    feed.registration = changes.watchAll(feed::changedHere);
    GoalOwners.Layout layout;
    List<GoalListItem> here;
    List<HostInfo> others;
    try {
      layout = owners.layout();
      here = local.top(query);
      others = forwarded ? List.of() : owners.peers();
    } catch (RuntimeException e) {
      feed.registration.close();
      throw e;
    }
    connection.onClose(feed::stop);
    for (HostInfo peer : others) {
      Thread.ofVirtual()
          .name("goals-relay-" + peer.host() + ":" + peer.port())
          .start(() -> feed.readPeer(peer, passedOn));
    }
    Thread.ofVirtual().name("goals-stream").start(() -> feed.follow(layout, here, others));
  }

  private void changedHere(String goalId) {
    if (changedHere.add(goalId) && changedHere.size() > MAX_PENDING_CHANGES) {
      overflowed = true;
    }
    wake.release();
  }

  private void stop() {
    peerStreams.forEach(PeerClient.PeerStream::close);
    wake.release();
  }

  private void follow(GoalOwners.Layout layout, List<GoalListItem> here, List<HostInfo> others) {
    try {
      List<PeerInput> early = new ArrayList<>();
      Map<String, List<GoalListItem>> snapshots = new LinkedHashMap<>();
      Set<String> missing = new LinkedHashSet<>();
      Set<String> expected = new LinkedHashSet<>();
      others.forEach(peer -> expected.add(nameOf(peer)));
      Instant deadline = Instant.now().plus(peerTimeout);
      while (snapshots.size() + missing.size() < expected.size() && connection.open()) {
        long wait = Duration.between(Instant.now(), deadline).toMillis();
        PeerInput input = wait <= 0 ? null : fromPeers.poll(wait, TimeUnit.MILLISECONDS);
        if (input == null) {
          break;
        }
        switch (input) {
          case PeerSnapshot snapshot -> snapshots.put(snapshot.peer(), snapshot.goals());
          case PeerEnded ended -> missing.add(ended.peer());
          default -> early.add(input);
        }
      }
      expected.stream().filter(peer -> !snapshots.containsKey(peer)).forEach(missing::add);
      List<GoalListItem> all = new ArrayList<>(here);
      snapshots.values().forEach(all::addAll);
      GoalListModel model = new GoalListModel(query, all);
      sink.snapshot(model, List.copyOf(missing));
      for (PeerInput input : early) {
        if (!take(input, model)) {
          return;
        }
      }
      sink.settled(model);
      run(model, layout, Set.copyOf(missing));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registration.close();
      stop();
      connection.end();
    }
  }

  private void run(GoalListModel model, GoalOwners.Layout layout, Set<String> missing)
      throws InterruptedException {
    while (connection.open()) {
      boolean woken = wake.tryAcquire(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      if (!connection.open()) {
        return;
      }
      wake.drainPermits();
      if (!woken) {
        sink.idle(model);
        connection.heartbeat();
        if (!owners.layout().equals(layout)) {
          return; // partitions or instances moved: the client starts over with a snapshot
        }
        continue;
      }
      if (overflowed) {
        return;
      }
      for (String goalId : List.copyOf(changedHere)) {
        // Forget the notice before reading, so a change after the read is noticed again.
        changedHere.remove(goalId);
        Optional<GoalListItem> head;
        try {
          head = local.head(goalId);
        } catch (GoalStates.StateNotReadyException e) {
          return;
        }
        List<GoalListModel.Change> changes =
            head.map(model::apply).orElseGet(() -> model.removeIfShown(goalId));
        changes.forEach(sink::changed);
      }
      PeerInput input;
      while ((input = fromPeers.poll()) != null) {
        if (!take(input, model)) {
          return;
        }
      }
      sink.settled(model);
    }
  }

  /** Applies what a peer sent; false when the stream must start over. */
  private boolean take(PeerInput input, GoalListModel model) {
    return switch (input) {
      case PeerGoal goal -> {
        model.apply(goal.goal()).forEach(sink::changed);
        yield true;
      }
      case PeerRemoved removed -> {
        model.removeIfShown(removed.goalId()).forEach(sink::changed);
        yield true;
      }
      // A second snapshot or the end of a peer's stream: its goals may have moved.
      case PeerSnapshot snapshot -> false;
      case PeerEnded ended -> false;
    };
  }

  private void readPeer(HostInfo peer, Map<String, String> passedOn) {
    String name = nameOf(peer);
    try (PeerClient.PeerStream stream =
        peers.stream(peer, "/api/goals/events?" + query.queryString(), passedOn)) {
      if (stream.status() == 200) {
        peerStreams.add(stream);
        if (connection.open()) {
          relay(stream, name);
        }
      }
    } catch (PeerClient.PeerUnreachableException | IOException | JacksonException e) {
      // Reported as missing, or ends the stream if it had started.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      fromPeers.offer(new PeerEnded(name));
      wake.release();
    }
  }

  private void relay(PeerClient.PeerStream stream, String peer)
      throws IOException, InterruptedException {
    SseMessage message;
    while (connection.open() && (message = stream.next()) != null) {
      if (!(message instanceof SseMessage.Event event)) {
        continue;
      }
      PeerInput input =
          switch (event.name()) {
            case GoalListEvents.SNAPSHOT ->
                new PeerSnapshot(
                    peer, json.readValue(event.data(), GoalListEvents.Snapshot.class).goals());
            case GoalListEvents.GOAL ->
                new PeerGoal(json.readValue(event.data(), GoalListItem.class));
            case GoalListEvents.REMOVED ->
                new PeerRemoved(
                    json.readValue(event.data(), GoalListEvents.Removed.class).goalId());
            default -> null;
          };
      if (input != null) {
        fromPeers.put(input);
        wake.release();
      }
    }
  }

  private static String nameOf(HostInfo peer) {
    return peer.host() + ":" + peer.port();
  }
}
