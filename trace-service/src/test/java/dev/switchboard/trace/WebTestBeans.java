package dev.switchboard.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web layer's collaborators without Kafka: journals in memory, this instance alone (no
 * advertised address), a clock at one minute after the demo goal started, Jaeger and the inbox
 * configured.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebTestBeans {
  static final String JAEGER = "http://jaeger.example:16686";
  static final String INBOX = "http://inbox.example:8084";

  @Bean
  TraceProperties traceProperties() {
    return new TraceProperties(
        1000,
        JAEGER,
        INBOX,
        null,
        null,
        null,
        Duration.ofMillis(300),
        Duration.ofMinutes(1),
        null,
        Duration.ofSeconds(1),
        DataSize.ofKilobytes(16));
  }

  @Bean
  Clock clock() {
    return Clock.fixed(DemoGoal.at(60), ZoneOffset.UTC);
  }

  @Bean
  JournalChanges journalChanges() {
    return new JournalChanges();
  }

  @Bean
  InMemoryJournals localJournals(JournalChanges changes) {
    return new InMemoryJournals(changes);
  }

  @Bean
  GoalOwners goalOwners() {
    return new GoalOwners(new StreamsBuilderFactoryBean());
  }

  @Bean
  PeerClient peerClient() {
    return new PeerClient(Duration.ofSeconds(1), null);
  }

  @Bean
  GoalQueries goalQueries(
      InMemoryJournals local, GoalOwners owners, PeerClient peers, JsonMapper json, Clock clock) {
    return new GoalQueries(local, owners, peers, json, clock);
  }

  @Bean
  LiveJournals liveJournals(
      InMemoryJournals local,
      JournalChanges changes,
      GoalOwners owners,
      PeerClient peers,
      JsonMapper json,
      TraceProperties properties) {
    return new LiveJournals(local, changes, owners, peers, json, properties);
  }

  @Bean
  ConsoleLinks consoleLinks(TraceProperties properties) {
    return new ConsoleLinks(properties);
  }

  @Bean
  ConsoleRenderer consoleRenderer(ITemplateEngine templates, ConsoleLinks links, Clock clock) {
    return new ConsoleRenderer(templates, links, clock);
  }
}
