package dev.switchboard.handoff;

import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.websecurity.ApiSessionController;
import dev.switchboard.websecurity.ServiceSignIn;
import dev.switchboard.websecurity.SwitchboardWebSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the inbox: configured users, service tokens (the operator token and the peer token
 * among them), and OIDC / JWT when Spring's {@code spring.security.oauth2.*} settings configure
 * them. What each person may answer is decided per item by {@link InboxAuthority}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSessionController.class)
class HandoffSecurity {
  static final String PREFIX = "switchboard.handoff";

  /** The role of other handoff instances calling this one. */
  static final String PEER_ROLE = "inbox-peer";

  static final String PEER_NAME = "handoff-peer";

  @Bean
  SwitchboardWebSecurity webSecurity(
      Environment environment,
      HandoffProperties properties,
      ObjectProvider<JwtDecoder> jwt,
      ObjectProvider<ClientRegistrationRepository> clients) {
    ServiceSignIn signIn =
        ServiceSignIn.bind(environment, PREFIX)
            .withPlainToken(
                "operator-token (environment SWITCHBOARD_HANDOFF_OPERATOR_TOKEN)",
                properties.operatorToken(),
                properties.operatorName(),
                properties.adminRole())
            .withPlainToken(
                "peer-token (environment SWITCHBOARD_HANDOFF_PEER_TOKEN)",
                properties.peerToken(),
                PEER_NAME,
                PEER_ROLE);
    return signIn.webSecurity(
        jwt.getIfAvailable(),
        clients.getIfAvailable(),
        "nobody could sign in to the inbox: set switchboard.handoff.users, service-tokens or"
            + " operator-token (SWITCHBOARD_HANDOFF_OPERATOR_TOKEN), or configure OIDC"
            + " (spring.security.oauth2.*)",
        InvalidConfigurationException::new);
  }

  /** The configured people; as a bean it keeps Spring Boot from making up a default user. */
  @Bean
  UserDetailsService users(SwitchboardWebSecurity security) {
    return security.users();
  }

  @Bean
  @Order(1)
  SecurityFilterChain sessionChain(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.sessionChain(http);
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.apiChain(
        http,
        auth ->
            auth.requestMatchers("/internal/**").hasRole(PEER_ROLE).anyRequest().authenticated(),
        "/api/**",
        "/internal/**");
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageChain(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.pageChain(
        http,
        auth ->
            auth.requestMatchers(SwitchboardWebSecurity.OPEN_PATHS.toArray(String[]::new))
                .permitAll()
                .requestMatchers(
                    "/css/**",
                    "/js/**",
                    "/v3/api-docs",
                    "/v3/api-docs/**",
                    "/swagger-ui.html",
                    "/swagger-ui/**")
                .permitAll()
                .anyRequest()
                .authenticated(),
        "/inbox");
  }
}
