package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Service;
import dev.switchboard.edge.GoalProcessor;
import dev.switchboard.executor.ActionRunner;
import dev.switchboard.guardrail.Guardrail;
import dev.switchboard.handoff.Inbox;
import dev.switchboard.planner.GoalPlanner;
import dev.switchboard.trace.JournalKeeper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objenesis.ObjenesisStd;

/** The reads the ACLs grant are exactly the inputs each service's GoalProcessor declares. */
class ServiceAccessTest {

  @Test
  void shouldReadExactlyTheInputsOfEachServicesProcessor() {
    // inputs() and service() are constants; no need to build the processors' collaborators.
    ObjenesisStd objenesis = new ObjenesisStd();
    List<Class<? extends GoalProcessor<?>>> processors =
        List.of(
            GoalPlanner.class,
            Guardrail.class,
            ActionRunner.class,
            Inbox.class,
            JournalKeeper.class);
    for (Class<? extends GoalProcessor<?>> type : processors) {
      GoalProcessor<?> processor = objenesis.newInstance(type);
      assertThat(ServiceAccess.of(processor.service()).reads())
          .as(type.getSimpleName())
          .containsExactlyElementsOf(processor.inputs());
    }
  }

  @Test
  void shouldCoverEveryServiceButTheOutsideProducers() {
    assertThat(ServiceAccess.ALL.stream().map(ServiceAccess::service))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Service.values()).filter(s -> s != Service.GOAL_PRODUCERS).toList());
  }
}
