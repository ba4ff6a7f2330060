package dev.switchboard.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnersTest {

  @Test
  void shouldTellAgentsFromQueuesOfPeople() {
    assertThat(Owners.agent("researcher")).isEqualTo("agent:researcher");
    assertThat(Owners.human("sales")).isEqualTo("human:sales");
    assertThat(Owners.agentOf("agent:researcher")).contains("researcher");
    assertThat(Owners.queueOf("human:sales")).contains("sales");
    assertThat(Owners.isAgent("human:sales")).isFalse();
    assertThat(Owners.isHuman("agent:researcher")).isFalse();
  }

  @Test
  void shouldNameNobodyWithABarePrefixOrNothing() {
    assertThat(Owners.isAgent("agent:")).isFalse();
    assertThat(Owners.isHuman("human:")).isFalse();
    assertThat(Owners.isAgent(null)).isFalse();
    assertThat(Owners.agentOf("researcher")).isEmpty();
    assertThat(Owners.queueOf("Human:sales")).isEmpty();
  }

  @Test
  void shouldRouteExpiryOnlyThroughQueuesOfPeople() {
    assertThat(new ExpiryRoute(List.of("human:managers")).moveTo())
        .containsExactly("human:managers");
    assertThatThrownBy(() -> new ExpiryRoute(List.of("human:")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpiryRoute(List.of("agent:researcher")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
