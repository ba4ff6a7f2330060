package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentGoalsQueryTest {
  private static final Instant NOW = at(3600);

  @Test
  void shouldListFiftyGoalsOfAnyStatusAgentAndTimeByDefault() {
    RecentGoalsQuery query = parse(null, null, null, null);

    assertThat(query).isEqualTo(new RecentGoalsQuery(null, null, null, 50));
    assertThat(query.queryString()).isEqualTo("limit=50");
  }

  @Test
  void shouldReadTheStatusInAnyCase() {
    assertThat(parse("waiting_for_human", null, null, 5).status())
        .isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
  }

  @Test
  void shouldRejectAnUnknownStatusNamingTheAllowedOnes() {
    assertThatThrownBy(() -> parse("DONE", null, null, null))
        .isInstanceOf(RecentGoalsQuery.InvalidQueryException.class)
        .hasMessage(
            "unknown status 'DONE'; allowed values: RUNNING, WAITING_FOR_HUMAN, COMPLETED, FAILED,"
                + " CANCELLED");
  }

  @Test
  void shouldCapTheLimitAndRejectOneBelowOne() {
    assertThat(parse(null, null, null, 10_000).limit()).isEqualTo(500);
    assertThatThrownBy(() -> parse(null, null, null, 0))
        .isInstanceOf(RecentGoalsQuery.InvalidQueryException.class)
        .hasMessage("limit must be between 1 and 500, not 0");
  }

  @Test
  void shouldReadSinceAsAnInstantOrATimeBack() {
    assertThat(parse(null, null, "2026-03-01T10:00:00Z", null).since()).isEqualTo(at(0));
    assertThat(parse(null, null, "PT15M", null).since()).isEqualTo(NOW.minusSeconds(900));
    assertThat(parse(null, null, "15m", null).since()).isEqualTo(NOW.minusSeconds(900));
    assertThat(parse(null, null, "2h", null).since()).isEqualTo(NOW.minusSeconds(7200));
    assertThat(parse(null, null, "1d", null).since()).isEqualTo(NOW.minusSeconds(86_400));
    assertThat(parse(null, null, "30s", null).since()).isEqualTo(NOW.minusSeconds(30));
    assertThatThrownBy(() -> parse(null, null, "yesterday", null))
        .isInstanceOf(RecentGoalsQuery.InvalidQueryException.class)
        .hasMessage(
            "since must be an ISO-8601 instant like 2026-03-01T10:00:00Z or a time back like"
                + " PT15M, 15m, 2h or 7d, not 'yesterday'");
  }

  @Test
  void shouldMatchStatusAgentAndSince() {
    RecentGoalsQuery query = parse("running", "demo", "2026-03-01T10:00:05Z", null);

    assertThat(query.matches(goal("a", GoalStatus.RUNNING, "demo", at(5)))).isTrue();
    assertThat(query.matches(goal("b", GoalStatus.COMPLETED, "demo", at(9)))).isFalse();
    assertThat(query.matches(goal("c", GoalStatus.RUNNING, "billing", at(9)))).isFalse();
    assertThat(query.matches(goal("d", GoalStatus.RUNNING, "demo", at(4)))).isFalse();
    assertThat(query.matches(goal("e", GoalStatus.RUNNING, "demo", null))).isFalse();
    assertThat(query.queryString())
        .isEqualTo("status=RUNNING&agent=demo&since=2026-03-01T10:00:05Z&limit=50");
  }

  @Test
  void shouldKeepOnlyTheNewestMatchingGoalsOfAnyNumberOffered() {
    RecentGoalsQuery.Top top = parse("RUNNING", null, null, 3).top();
    for (int second = 0; second < 1000; second++) {
      top.offer(goal("g-" + second, GoalStatus.RUNNING, "demo", at(second)));
      top.offer(goal("done-" + second, GoalStatus.COMPLETED, "demo", at(second + 5000)));
    }
    top.offer(goal("quiet", GoalStatus.RUNNING, "demo", null));

    assertThat(top.newestFirst())
        .extracting(GoalListItem::goalId)
        .containsExactly("g-999", "g-998", "g-997");
  }

  @Test
  void shouldListGoalsWithoutAnUpdateLast() {
    RecentGoalsQuery.Top top = parse(null, null, null, null).top();
    List.of(
            goal("old", GoalStatus.COMPLETED, "demo", at(1)),
            goal("quiet", GoalStatus.RUNNING, "demo", null),
            goal("fresh", GoalStatus.RUNNING, "demo", at(9)))
        .forEach(top::offer);

    assertThat(top.newestFirst())
        .extracting(GoalListItem::goalId)
        .containsExactly("fresh", "old", "quiet");
  }

  private static RecentGoalsQuery parse(String status, String agent, String since, Integer limit) {
    return RecentGoalsQuery.parse(status, agent, since, limit, NOW);
  }

  static GoalListItem goal(String goalId, GoalStatus status, String agent, Instant updatedAt) {
    return new GoalListItem(goalId, status, agent, "d", null, updatedAt, null, 1, 0, null, null);
  }
}
