package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentGoalsQueryTest {

  @Test
  void shouldListFiftyGoalsOfAnyStatusByDefault() {
    RecentGoalsQuery query = RecentGoalsQuery.parse(null, null);

    assertThat(query.status()).isNull();
    assertThat(query.limit()).isEqualTo(50);
  }

  @Test
  void shouldReadTheStatusInAnyCase() {
    assertThat(RecentGoalsQuery.parse("waiting_for_human", 5).status())
        .isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
  }

  @Test
  void shouldRejectAnUnknownStatusNamingTheAllowedOnes() {
    assertThatThrownBy(() -> RecentGoalsQuery.parse("DONE", null))
        .isInstanceOf(RecentGoalsQuery.InvalidQueryException.class)
        .hasMessage(
            "unknown status 'DONE'; allowed values: RUNNING, WAITING_FOR_HUMAN, COMPLETED, FAILED,"
                + " CANCELLED");
  }

  @Test
  void shouldCapTheLimitAndRejectOneBelowOne() {
    assertThat(RecentGoalsQuery.parse(null, 10_000).limit()).isEqualTo(500);
    assertThatThrownBy(() -> RecentGoalsQuery.parse(null, 0))
        .isInstanceOf(RecentGoalsQuery.InvalidQueryException.class)
        .hasMessage("limit must be between 1 and 500, not 0");
  }

  @Test
  void shouldListTheMostRecentlyUpdatedGoalsFirst() {
    Journal old = journal("old", GoalStatus.COMPLETED, at(1));
    Journal fresh = journal("fresh", GoalStatus.RUNNING, at(9));
    Journal middle = journal("middle", GoalStatus.RUNNING, at(5));
    Journal quiet = journal("quiet", GoalStatus.RUNNING, null);

    assertThat(RecentGoalsQuery.parse(null, null).select(List.of(old, quiet, fresh, middle)))
        .extracting(Journal::goalId)
        .containsExactly("fresh", "middle", "old", "quiet");
    assertThat(RecentGoalsQuery.parse("RUNNING", 2).select(List.of(old, quiet, fresh, middle)))
        .extracting(Journal::goalId)
        .containsExactly("fresh", "middle");
  }

  private static Journal journal(String goalId, GoalStatus status, Instant updatedAt) {
    return new Journal(goalId, status, "demo", "d", null, updatedAt, List.of(), 0, null, null);
  }
}
