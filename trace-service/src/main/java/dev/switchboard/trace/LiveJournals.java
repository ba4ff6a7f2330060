package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.util.Map;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts live streams of journals: one goal's from the instance that holds it (here, or relayed
 * from its owner), a list's from every instance.
 */
final class LiveJournals {
  private final LocalJournals local;
  private final JournalChanges changes;
  private final GoalOwners owners;
  private final PeerClient peers;
  private final JsonMapper json;
  private final TraceProperties properties;

  LiveJournals(
      LocalJournals local,
      JournalChanges changes,
      GoalOwners owners,
      PeerClient peers,
      JsonMapper json,
      TraceProperties properties) {
    this.local = local;
    this.changes = changes;
    this.owners = owners;
    this.peers = peers;
    this.json = json;
    this.properties = properties;
  }

  /** A new client stream that ends after the configured maximum age. */
  SseConnection connect() {
    return new SseConnection(new SseEmitter(properties.streamMaxAge().toMillis()));
  }

  /**
   * @param lastEventId the client's {@code Last-Event-ID}, passed on when another instance holds
   *     the goal
   * @throws UnknownGoalException when the goal's owner has not seen it
   * @throws GoalUnavailableException while the goal's partition moves or its owner does not answer
   */
  void followGoal(
      String goalId,
      String lastEventId,
      Map<String, String> passedOn,
      boolean forwarded,
      GoalSink sink,
      SseConnection connection) {
    try {
      startGoal(goalId, lastEventId, passedOn, forwarded, sink, connection);
    } catch (GoalStates.StateNotReadyException e) {
      throw new GoalUnavailableException(e.getMessage(), e);
    }
  }

  private void startGoal(
      String goalId,
      String lastEventId,
      Map<String, String> passedOn,
      boolean forwarded,
      GoalSink sink,
      SseConnection connection) {
    switch (owners.ownerOf(goalId)) {
      case GoalOwners.Here here ->
          LocalGoalFeed.start(
              goalId, local, changes, owners, sink, connection, properties.streamHeartbeat());
      case GoalOwners.There there -> {
        if (forwarded) {
          throw new GoalUnavailableException(
              "goal " + goalId + "'s partition is moving between instances; retry shortly");
        }
        RelayedGoalFeed.start(goalId, lastEventId, there.host(), peers, passedOn, sink, connection);
      }
      case GoalOwners.Moving moving ->
          throw new GoalUnavailableException(
              "goal " + goalId + "'s partition is moving between instances; retry shortly");
    }
  }

  void followList(
      RecentGoalsQuery query,
      Map<String, String> passedOn,
      boolean forwarded,
      GoalListSink sink,
      SseConnection connection) {
    try {
      GoalListFeed.start(
          query,
          local,
          changes,
          owners,
          peers,
          json,
          passedOn,
          forwarded,
          sink,
          connection,
          new GoalListFeed.Settings(properties.streamHeartbeat(), properties.peerTimeout()));
    } catch (GoalStates.StateNotReadyException e) {
      // A stream's answer is an event stream or a problem detail; this one cannot start yet.
      throw new GoalUnavailableException(e.getMessage(), e);
    }
  }

  long retryMillis() {
    return properties.streamRetry().toMillis();
  }
}
