package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.switchboard.edge.GoalStates;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class GoalJournalControllerTest {
  @SuppressWarnings("unchecked")
  private final GoalStates<Journal> journals = mock(GoalStates.class);

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new GoalJournalController(journals)).build();

  @Test
  void shouldAskToRetryWhileTheStateStoreIsRebalancing() throws Exception {
    when(journals.get("g-1"))
        .thenThrow(new InvalidStateStoreException("stream thread is PARTITIONS_ASSIGNED"));

    MockHttpServletResponse response = mvc.perform(get("/api/goals/g-1")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("goal state is being restored or rebalanced; retry shortly");
  }
}
