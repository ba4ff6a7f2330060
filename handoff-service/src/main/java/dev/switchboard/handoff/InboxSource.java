package dev.switchboard.handoff;

import dev.switchboard.edge.GoalStates;
import java.util.List;
import java.util.Optional;

/** Where the desk reads the inbox from: the Kafka Streams store in the service, a list in tests. */
public interface InboxSource {

  List<HandoffState> all();

  Optional<HandoffState> ofGoal(String goalId);

  static InboxSource of(GoalStates<HandoffState> states) {
    return new InboxSource() {
      @Override
      public List<HandoffState> all() {
        return states.all();
      }

      @Override
      public Optional<HandoffState> ofGoal(String goalId) {
        return states.get(goalId);
      }
    };
  }
}
