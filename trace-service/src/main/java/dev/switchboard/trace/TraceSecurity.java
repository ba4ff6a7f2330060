package dev.switchboard.trace;

import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.websecurity.ApiSessionController;
import dev.switchboard.websecurity.ServiceSignIn;
import dev.switchboard.websecurity.SwitchboardWebSecurity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * Who may read journals: configured users, service tokens (the operator's and the instances' peer
 * token among them), and OIDC / JWT when Spring's {@code spring.security.oauth2.*} settings
 * configure them. Every goal is readable by the viewer roles; there is nothing to write.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceSignInProperties.class)
@Import(ApiSessionController.class)
class TraceSecurity {
  static final String PREFIX = "switchboard.trace";

  /** Reads every journal and the console. */
  static final String VIEWER_ROLE = "viewer";

  /** Reads everything and sees health details; the operator token's role. */
  static final String ADMIN_ROLE = "admin";

  /** Other trace-service instances calling this one. */
  static final String PEER_ROLE = "trace-peer";

  static final String PEER_NAME = "trace-peer";

  @Bean
  SwitchboardWebSecurity webSecurity(
      Environment environment,
      TraceSignInProperties properties,
      ObjectProvider<JwtDecoder> jwt,
      ObjectProvider<ClientRegistrationRepository> clients) {
    ServiceSignIn signIn =
        ServiceSignIn.bind(environment, PREFIX)
            .withPlainToken(
                "operator-token (environment SWITCHBOARD_TRACE_OPERATOR_TOKEN)",
                properties.operatorToken(),
                properties.operatorName(),
                ADMIN_ROLE)
            .withPlainToken(
                "peer-token (environment SWITCHBOARD_TRACE_PEER_TOKEN)",
                properties.peerToken(),
                PEER_NAME,
                PEER_ROLE);
    return signIn.webSecurity(
        jwt.getIfAvailable(),
        clients.getIfAvailable(),
        "nobody could read the trace: set switchboard.trace.users, service-tokens or"
            + " operator-token (SWITCHBOARD_TRACE_OPERATOR_TOKEN), or configure OIDC"
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

  /** Journals, lists and their streams; health with details for the admin role only. */
  @Bean
  @Order(2)
  SecurityFilterChain apiChain(
      HttpSecurity http, SwitchboardWebSecurity security, TraceSignInProperties properties) {
    List<String> readers = readers(properties);
    readers.add(PEER_ROLE);
    return security.apiChain(
        http,
        auth ->
            auth.requestMatchers(SwitchboardWebSecurity.OPEN_PATHS.toArray(String[]::new))
                .permitAll()
                .requestMatchers(SwitchboardWebSecurity.SESSION_PATH)
                .authenticated()
                .requestMatchers("/api/goals", "/api/goals/**")
                .hasAnyRole(readers.toArray(String[]::new))
                .anyRequest()
                .hasRole(ADMIN_ROLE),
        "/api/**",
        "/actuator/**");
  }

  /** The console: pages and their live parts, behind the login page. */
  @Bean
  @Order(3)
  SecurityFilterChain pageChain(
      HttpSecurity http, SwitchboardWebSecurity security, TraceSignInProperties properties) {
    return security.pageChain(
        http,
        auth ->
            auth.requestMatchers(SwitchboardWebSecurity.OPEN_PATHS.toArray(String[]::new))
                .permitAll()
                .requestMatchers("/console/**")
                .permitAll()
                .anyRequest()
                .hasAnyRole(readers(properties).toArray(String[]::new)),
        "/goals");
  }

  private static List<String> readers(TraceSignInProperties properties) {
    List<String> roles = new ArrayList<>(properties.viewerRoles());
    if (!roles.contains(ADMIN_ROLE)) {
      roles.add(ADMIN_ROLE);
    }
    return roles;
  }
}
