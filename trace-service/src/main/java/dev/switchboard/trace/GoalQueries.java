package dev.switchboard.trace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.streams.state.HostInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journals from whichever instance holds them: a goal from the owner of its partition (this one or
 * another), a list merged from every instance. A request another instance forwarded is answered
 * from this instance alone.
 */
final class GoalQueries {
  private final LocalJournals local;
  private final GoalOwners owners;
  private final PeerClient peers;
  private final JsonMapper json;
  private final Clock clock;

  GoalQueries(
      LocalJournals local, GoalOwners owners, PeerClient peers, JsonMapper json, Clock clock) {
    this.local = local;
    this.owners = owners;
    this.peers = peers;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @throws UnknownGoalException when the owner has not seen the goal
   * @throws GoalUnavailableException while the goal's partition moves or its owner does not answer
   */
  GoalJournalView journal(String goalId, Map<String, String> passedOn, boolean forwarded) {
    return switch (owners.ownerOf(goalId)) {
      case GoalOwners.Here here ->
          local
              .journal(goalId)
              .map(journal -> GoalJournalView.of(journal, clock.instant()))
              .orElseThrow(() -> new UnknownGoalException(goalId));
      case GoalOwners.There there -> {
        if (forwarded) {
          throw moving(goalId);
        }
        yield fromPeer(there.host(), goalId, passedOn);
      }
      case GoalOwners.Moving moving -> throw moving(goalId);
    };
  }

  /** This instance's goals plus, unless forwarded, every other instance's; the newest first. */
  GoalPage list(RecentGoalsQuery query, Map<String, String> passedOn, boolean forwarded) {
    List<GoalListItem> here = local.top(query);
    List<HostInfo> others = forwarded ? List.of() : owners.peers();
    if (others.isEmpty()) {
      return new GoalPage(here, List.of());
    }
    RecentGoalsQuery.Top top = query.top();
    here.forEach(top::offer);
    List<String> missing = new ArrayList<>();
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<GoalListItem[]>> answers = new ArrayList<>();
      for (HostInfo peer : others) {
        answers.add(calls.submit(() -> listFromPeer(peer, query, passedOn)));
      }
      for (int i = 0; i < others.size(); i++) {
        try {
          for (GoalListItem goal : answers.get(i).get()) {
            top.offer(goal);
          }
        } catch (ExecutionException e) {
          missing.add(others.get(i).host() + ":" + others.get(i).port());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GoalUnavailableException("interrupted while asking the other instances", e);
        }
      }
    }
    return new GoalPage(top.newestFirst(), missing);
  }

  private GoalJournalView fromPeer(HostInfo peer, String goalId, Map<String, String> passedOn) {
    PeerClient.Answer answer;
    try {
      answer = peers.get(peer, pathOf(goalId), passedOn);
    } catch (PeerClient.PeerUnreachableException e) {
      throw new GoalUnavailableException(
          e.getMessage() + "; it holds goal " + goalId + ", retry shortly", e);
    }
    return switch (answer.status()) {
      case 200 -> read(answer.body(), GoalJournalView.class, peer);
      case 404 -> throw new UnknownGoalException(goalId);
      default ->
          throw new GoalUnavailableException(
              "trace-service instance "
                  + peer.host()
                  + ":"
                  + peer.port()
                  + " that holds goal "
                  + goalId
                  + " answered HTTP "
                  + answer.status()
                  + "; retry shortly");
    };
  }

  private GoalListItem[] listFromPeer(
      HostInfo peer, RecentGoalsQuery query, Map<String, String> passedOn) {
    PeerClient.Answer answer = peers.get(peer, "/api/goals?" + query.queryString(), passedOn);
    if (answer.status() != 200) {
      throw new GoalUnavailableException("answered HTTP " + answer.status());
    }
    return read(answer.body(), GoalListItem[].class, peer);
  }

  private <T> T read(String body, Class<T> type, HostInfo peer) {
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new GoalUnavailableException(
          "unreadable answer from trace-service instance " + peer.host() + ":" + peer.port(), e);
    }
  }

  static String pathOf(String goalId) {
    return "/api/goals/" + URLEncoder.encode(goalId, StandardCharsets.UTF_8);
  }

  private static GoalUnavailableException moving(String goalId) {
    return new GoalUnavailableException(
        "goal " + goalId + "'s partition is moving between trace-service instances; retry shortly");
  }
}
