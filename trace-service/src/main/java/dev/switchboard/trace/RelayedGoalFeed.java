package dev.switchboard.trace;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One goal's live stream from the instance that holds it, relayed as it comes. When that stream
 * ends (the instance stopped, or the goal's partition moved) this one ends too, and the client
 * reconnects to be routed anew.
 */
final class RelayedGoalFeed {
  private RelayedGoalFeed() {}

  /**
   * @param lastEventId passed on, so the owner resumes after it
   * @throws UnknownGoalException when the owner has not seen the goal
   * @throws GoalUnavailableException when the owner does not answer
   */
  static void start(
      String goalId,
      String lastEventId,
      HostInfo owner,
      PeerClient peers,
      Map<String, String> passedOn,
      GoalSink sink,
      SseConnection connection) {
    Map<String, String> headers = new LinkedHashMap<>(passedOn);
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    PeerClient.PeerStream stream;
    try {
      stream = peers.stream(owner, GoalQueries.pathOf(goalId) + "/events", headers);
    } catch (PeerClient.PeerUnreachableException e) {
      throw new GoalUnavailableException(
          e.getMessage() + "; it holds goal " + goalId + ", retry shortly", e);
    }
    if (stream.status() != 200) {
      stream.errorBody();
      stream.close();
      if (stream.status() == 404) {
        throw new UnknownGoalException(goalId);
      }
      throw new GoalUnavailableException(
          "trace-service instance "
              + owner.host()
              + ":"
              + owner.port()
              + " that holds goal "
              + goalId
              + " answered HTTP "
              + stream.status()
              + "; retry shortly");
    }
    connection.onClose(stream::close);
    Thread.ofVirtual().name("journal-relay-" + goalId).start(() -> relay(stream, sink, connection));
  }

  private static void relay(PeerClient.PeerStream stream, GoalSink sink, SseConnection connection) {
    try (stream) {
      SseMessage message;
      while (connection.open() && (message = stream.next()) != null) {
        switch (message) {
          case SseMessage.Event event -> sink.relayed(event);
          case SseMessage.Comment comment -> {
            sink.idle();
            connection.heartbeat();
          }
        }
      }
    } catch (IOException e) {
      // The owner went away or the client left and closed the stream: end here too.
    } finally {
      connection.end();
    }
  }
}
