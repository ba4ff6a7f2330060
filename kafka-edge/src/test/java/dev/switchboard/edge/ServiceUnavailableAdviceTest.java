package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

class ServiceUnavailableAdviceTest {
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Rebalancing())
          .setControllerAdvice(new ServiceUnavailableAdvice())
          .addFilters(new RequestSizeLimit(100, JsonMapper.builder().build()))
          .build();

  @Test
  void shouldAskToRetryWhileGoalStateIsNotReadable() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/state")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("goal state is being restored or rebalanced; retry shortly");
  }

  @Test
  void shouldAskToRetryAFailedWriteWithoutTheBrokersErrorText() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/write")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("nothing was written")
        .doesNotContain("TimeoutException")
        .doesNotContain("broker-7");
  }

  @Test
  void shouldRefuseAnEventTooLargeToWriteWith413() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/huge")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(413);
  }

  @Test
  void shouldRefuseABodyOverTheLimitWith413BeforeReadingIt() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post("/comment").contentType("application/json").content("x".repeat(101)))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("request body of 101 bytes exceeds the limit of 100 bytes");
    assertThat(
            mvc.perform(post("/comment").contentType("application/json").content("x".repeat(100)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @RestController
  static class Rebalancing {
    @GetMapping("/state")
    String state() {
      throw new GoalStates.StateNotReadyException(
          "goal state is being restored or rebalanced; retry shortly");
    }

    @GetMapping("/write")
    String write() {
      throw new EventPublisher.PublishFailedException(
          "could not write to resolution: java.util.concurrent.TimeoutException: broker-7",
          new RuntimeException());
    }

    @GetMapping("/huge")
    String huge() {
      throw new EventPublisher.EventTooLargeException("the event is 2000000 bytes");
    }

    @PostMapping("/comment")
    String comment(@RequestBody String body) {
      return "ok";
    }
  }
}
