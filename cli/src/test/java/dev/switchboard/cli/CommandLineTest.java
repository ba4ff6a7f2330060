package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void shouldReadOptionsFlagsAndArgumentsInAnyOrder() {
    CommandLine line =
        CommandLine.parse(
            "follow", "--until-done", "g-1", "--trace-url", "http://t:1", "--timeout=5s");

    assertThat(line.command()).isEqualTo("follow");
    assertThat(line.flag("until-done")).isTrue();
    assertThat(line.arguments()).containsExactly("g-1");
    assertThat(line.option("trace-url")).contains("http://t:1");
    assertThat(line.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldTakeEverythingAfterDoubleDashAsArguments() {
    CommandLine line = CommandLine.parse("submit", "--", "--not-an-option");

    assertThat(line.arguments()).containsExactly("--not-an-option");
    assertThat(line.options()).isEmpty();
  }

  @Test
  void shouldUseFallbacksForMissingOptions() {
    CommandLine line = CommandLine.parse("demo");

    assertThat(line.option("bootstrap", "localhost:9092")).isEqualTo("localhost:9092");
    assertThat(line.duration("timeout", Duration.ofSeconds(180))).hasSeconds(180);
    assertThat(line.flag("yes")).isFalse();
  }

  @Test
  void shouldRejectAnOptionWithoutValue() {
    assertThatThrownBy(() -> CommandLine.parse("submit", "--bootstrap"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--bootstrap needs a value");
  }

  @Test
  void shouldRejectOptionsTheCommandDoesNotKnow() {
    CommandLine line = CommandLine.parse("inbox", "--tokn", "x");

    assertThatThrownBy(() -> line.allowing(Set.of("token"), 0))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--tokn");
  }

  @Test
  void shouldRejectExtraArguments() {
    CommandLine line = CommandLine.parse("submit", "one", "two");

    assertThatThrownBy(() -> line.allowing(Set.of(), 1))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("at most 1");
  }

  @Test
  void shouldNameTheMissingArgument() {
    CommandLine line = CommandLine.parse("approve");

    assertThatThrownBy(() -> line.argument(0, "an escalationId"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("needs an escalationId");
  }

  @Test
  void shouldParseDurationsAsPeopleTypeThem() {
    assertThat(DurationArgument.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationArgument.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationArgument.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationArgument.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationArgument.parse("30")).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> DurationArgument.parse("soon"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("not a duration");
  }
}
