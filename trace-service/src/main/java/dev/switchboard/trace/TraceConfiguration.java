package dev.switchboard.trace;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.GoalStates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceProperties.class)
class TraceConfiguration {

  @Bean
  JournalKeeper journalKeeper(TraceProperties properties) {
    return new JournalKeeper(properties.maxEntriesPerGoal());
  }

  @Bean
  GoalStates<Journal> journals(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams, EventCodec codec) {
    return new GoalStates<>(goalStreams, codec, Journal.class);
  }
}
