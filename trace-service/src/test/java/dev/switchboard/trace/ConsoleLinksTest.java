package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.InvalidConfigurationException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class ConsoleLinksTest {

  @Test
  void shouldLinkTracesAndInboxItemsOnlyWhenConfigured() {
    ConsoleLinks none = links(null, null, null);
    ConsoleLinks both =
        links("http://jaeger:16686/", "https://inbox.example", "/items/{escalationId}/view");

    assertThat(none.trace(TestJournals.TRACE_ID)).isNull();
    assertThat(none.inboxItem("esc-1")).isNull();
    assertThat(none.jaegerConfigured()).isFalse();
    assertThat(both.trace(TestJournals.TRACE_ID))
        .isEqualTo("http://jaeger:16686/trace/" + TestJournals.TRACE_ID);
    assertThat(both.trace(null)).as("no trace id, no link").isNull();
    assertThat(both.inboxItem("g/1 approval"))
        .isEqualTo("https://inbox.example/items/g%2F1%20approval/view");
  }

  @Test
  void shouldRefuseLinksThatAreNotHttpUrls() {
    assertThatThrownBy(() -> links("javascript:alert(1)", null, null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.trace.jaeger-url must be an http(s) URL");
    assertThatThrownBy(() -> links(null, "localhost:8084", null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("switchboard.trace.inbox-url");
    assertThatThrownBy(() -> links(null, null, "/inbox"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("{escalationId}");
  }

  @Test
  void shouldShowTheTraceIdWithoutALinkWhenNoJaegerIsConfigured() {
    DemoGoal goal = DemoGoal.random();
    ConsoleRenderer renderer =
        new ConsoleRenderer(
            templates(), links(null, null, null), Clock.fixed(DemoGoal.at(60), ZoneOffset.UTC));

    String panel =
        renderer.goalPanel(GoalJournalView.of(TestJournals.completed(goal), DemoGoal.at(60)), "");

    assertThat(panel)
        .contains(TestJournals.TRACE_ID, "switchboard.trace.jaeger-url")
        .doesNotContain("trace-link", "/inbox/", "open item");
  }

  private static ConsoleLinks links(String jaeger, String inbox, String path) {
    return new ConsoleLinks(
        new TraceProperties(null, jaeger, inbox, path, null, null, null, null, null, null, null));
  }

  /** Thymeleaf as Spring Boot sets it up: templates/ on the classpath, HTML. */
  private static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
