package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ServiceUnavailableAdviceTest {
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Rebalancing())
          .setControllerAdvice(new ServiceUnavailableAdvice())
          .build();

  @Test
  void shouldAskToRetryWhileGoalStateIsNotReadable() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/state")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("goal state is being restored or rebalanced; retry shortly");
  }

  @RestController
  static class Rebalancing {
    @GetMapping("/state")
    String state() {
      throw new GoalStates.StateNotReadyException(
          "goal state is being restored or rebalanced; retry shortly");
    }
  }
}
