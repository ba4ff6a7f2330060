package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalListModelTest {
  private final RecentGoalsQuery waitingTwo =
      RecentGoalsQuery.parse("WAITING_FOR_HUMAN", null, null, 2, at(100));

  @Test
  void shouldTakeEachVersionOnceWhetherFromTheSnapshotOrAChange() {
    GoalListItem v2 = goal("a", GoalStatus.WAITING_FOR_HUMAN, 2, at(2));
    GoalListModel model = new GoalListModel(waitingTwo, List.of(v2));

    assertThat(model.apply(goal("a", GoalStatus.WAITING_FOR_HUMAN, 1, at(1)))).isEmpty();
    assertThat(model.apply(v2)).isEmpty();
    assertThat(model.apply(goal("a", GoalStatus.WAITING_FOR_HUMAN, 3, at(3))))
        .containsExactly(
            new GoalListModel.Upserted(goal("a", GoalStatus.WAITING_FOR_HUMAN, 3, at(3))));
  }

  @Test
  void shouldRemoveAGoalThatNoLongerMatches() {
    GoalListModel model =
        new GoalListModel(waitingTwo, List.of(goal("a", GoalStatus.WAITING_FOR_HUMAN, 2, at(2))));

    assertThat(model.apply(goal("a", GoalStatus.RUNNING, 3, at(3))))
        .containsExactly(new GoalListModel.Removed("a"));
    assertThat(model.goals()).isEmpty();
    assertThat(model.apply(goal("b", GoalStatus.RUNNING, 1, at(4)))).as("never shown").isEmpty();
  }

  @Test
  void shouldPushTheOldestOutBeyondTheLimit() {
    GoalListModel model =
        new GoalListModel(
            waitingTwo,
            List.of(
                goal("old", GoalStatus.WAITING_FOR_HUMAN, 1, at(1)),
                goal("mid", GoalStatus.WAITING_FOR_HUMAN, 1, at(2))));

    assertThat(model.apply(goal("new", GoalStatus.WAITING_FOR_HUMAN, 1, at(3))))
        .containsExactly(
            new GoalListModel.Upserted(goal("new", GoalStatus.WAITING_FOR_HUMAN, 1, at(3))),
            new GoalListModel.Removed("old"));
    assertThat(model.apply(goal("older", GoalStatus.WAITING_FOR_HUMAN, 1, at(0))))
        .as("older than every goal shown")
        .isEmpty();
    assertThat(model.goals()).extracting(GoalListItem::goalId).containsExactly("new", "mid");
  }

  private static GoalListItem goal(
      String goalId, GoalStatus status, long version, java.time.Instant updatedAt) {
    return new GoalListItem(
        goalId, status, "demo", "d", null, updatedAt, null, version, 0, null, null);
  }
}
