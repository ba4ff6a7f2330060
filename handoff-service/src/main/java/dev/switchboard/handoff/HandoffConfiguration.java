package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.EventPublisher;
import dev.switchboard.edge.GoalStates;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The inbox logic for the Kafka edge, the desk behind the REST API, and the API's guard. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Inbox inbox() {
    return new Inbox();
  }

  @Bean
  InboxSource inboxSource(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams, EventCodec codec) {
    return InboxSource.of(new GoalStates<>(goalStreams, codec, HandoffState.class));
  }

  /** The publisher is created on the first answer, not at start-up. */
  @Bean
  EscalationDesk escalationDesk(
      InboxSource inbox, ObjectProvider<EventPublisher> publisher, Clock clock) {
    return new EscalationDesk(inbox, event -> publisher.getObject().publish(event), clock);
  }

  @Bean
  OperatorToken operatorToken(HandoffProperties properties) {
    return OperatorToken.of(properties.operatorToken());
  }

  @Bean
  WebMvcConfigurer operatorAuthentication(
      OperatorToken token, HandoffProperties properties, EventCodec codec) {
    OperatorAuthInterceptor interceptor =
        new OperatorAuthInterceptor(token, properties.operatorName(), codec.mapper());
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
      }
    };
  }
}
