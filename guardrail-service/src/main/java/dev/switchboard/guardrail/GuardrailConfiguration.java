package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the guardrail's plain classes; the kafka-edge runs the {@link Guardrail} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardrailProperties.class)
class GuardrailConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ActionSigner actionSigner(SecurityProperties security, EventCodec codec) {
    return security.actionSigner(codec);
  }

  @Bean
  Guardrail guardrail(GuardrailProperties properties, ActionSigner signer, Clock clock) {
    return new Guardrail(
        GuardrailPolicy.of(properties), signer, clock, properties.actionRequestTtl());
  }
}
