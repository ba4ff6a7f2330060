package dev.switchboard.trace;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.GoalStoreSupplier;
import dev.switchboard.edge.RequestSizeLimit;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceProperties.class)
class TraceConfiguration {

  @Bean
  JournalKeeper journalKeeper(TraceProperties properties) {
    return new JournalKeeper(properties.maxEntriesPerGoal());
  }

  @Bean
  JournalChanges journalChanges() {
    return new JournalChanges();
  }

  /** Journals on disk (RocksDB), not on the heap; every write signals the live streams. */
  @Bean
  GoalStoreSupplier journalStore(JournalChanges changes) {
    return name -> new SignallingStoreSupplier(GoalStoreSupplier.persistent().get(name), changes);
  }

  @Bean
  Clock traceClock() {
    return Clock.systemUTC();
  }

  @Bean
  LocalJournals localJournals(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams, EventCodec codec) {
    return new StoreJournals(goalStreams, codec);
  }

  @Bean
  GoalOwners goalOwners(@Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams) {
    return new GoalOwners(goalStreams);
  }

  @Bean
  AdvertisedAddress advertisedAddress(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams,
      GoalOwners owners,
      TraceProperties properties) {
    return new AdvertisedAddress(goalStreams, owners, properties);
  }

  @Bean
  PeerClient peerClient(TraceProperties properties, TraceSignInProperties signIn) {
    return new PeerClient(properties.peerTimeout(), signIn.peerToken());
  }

  @Bean
  GoalQueries goalQueries(
      LocalJournals local, GoalOwners owners, PeerClient peers, JsonMapper json, Clock clock) {
    return new GoalQueries(local, owners, peers, json, clock);
  }

  @Bean
  LiveJournals liveJournals(
      LocalJournals local,
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

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      TraceProperties properties, JsonMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimit(properties.maxRequestBytes().toBytes(), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
