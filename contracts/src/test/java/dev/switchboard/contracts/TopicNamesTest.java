package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {

  @Test
  void shouldUseThePlainNamesWithoutPrefix() {
    TopicNames names = TopicNames.unprefixed();

    assertThat(names.prefix()).isEmpty();
    assertThat(names.of(Topics.GOALS)).isEqualTo("goals");
    assertThat(names.of(Topics.ACTION_REQUEST)).isEqualTo("action-request");
    assertThat(new TopicNames(null)).isEqualTo(names);
  }

  @Test
  void shouldPutThePrefixInFrontOfEveryTopic() {
    TopicNames names = new TopicNames("team-a.");

    for (Topic<?> topic : Topics.ALL) {
      assertThat(names.of(topic)).isEqualTo("team-a." + topic.baseName());
    }
    assertThat(names.of(Topics.OUTCOME)).isEqualTo("team-a.outcome");
  }

  @Test
  void shouldNameDeadLetterTopics() {
    assertThat(TopicNames.unprefixed().deadLetterOf(Topics.GOALS)).isEqualTo("goals.dlq");
    assertThat(new TopicNames("test_7-").deadLetterOf(Topics.ACTION_RESULT))
        .isEqualTo("test_7-action-result.dlq");
    assertThat(TopicNames.DLQ_SUFFIX).isEqualTo(".dlq");
  }

  @Test
  void shouldFindTheCatalogTopicBehindARealName() {
    TopicNames names = new TopicNames("run42.");

    for (Topic<?> topic : Topics.ALL) {
      assertThat(names.topicNamed(names.of(topic))).contains(topic);
    }
    assertThat(names.topicNamed("goals")).isEmpty();
    assertThat(names.topicNamed("run42.goals.dlq")).isEmpty();
    assertThat(names.topicNamed("run42.unknown")).isEmpty();
    assertThat(TopicNames.unprefixed().topicNamed("escalation")).contains(Topics.ESCALATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"team a.", "team/a", "prod:", "é.", "a*", "x\n"})
  void shouldRejectAnInvalidPrefix(String prefix) {
    assertThatThrownBy(() -> new TopicNames(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic prefix may only hold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dev.", "Team_A-", "2025.run.7."})
  void shouldAcceptAValidPrefix(String prefix) {
    assertThat(new TopicNames(prefix).of(Topics.PLAN)).isEqualTo(prefix + "plan");
  }
}
