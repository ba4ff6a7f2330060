package dev.switchboard.websecurity;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with an API and pages, secured the way every Switchboard service with people is. */
@SpringBootApplication
@Import(ApiSessionController.class)
class SecuredTestApplication {
  static final String PREFIX = "test.security";

  @Bean
  SwitchboardWebSecurity webSecurity(
      Environment environment,
      ObjectProvider<JwtDecoder> jwt,
      ObjectProvider<ClientRegistrationRepository> clients) {
    return new SwitchboardWebSecurity(
        WebSecuritySettings.bind(environment, PREFIX),
        jwt.getIfAvailable(),
        clients.getIfAvailable());
  }

  @Bean
  UserDetailsService users(SwitchboardWebSecurity security) {
    return security.users();
  }

  @Bean
  @Order(1)
  SecurityFilterChain session(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.sessionChain(http);
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.apiChain(
        http,
        auth -> auth.requestMatchers("/api/admin").hasRole("admin").anyRequest().authenticated(),
        "/api/**");
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, SwitchboardWebSecurity security) {
    return security.pageChain(http, auth -> auth.anyRequest().authenticated(), "/page");
  }

  @RestController
  static class Endpoints {
    @GetMapping("/api/ping")
    Map<String, Object> ping(Authentication authentication) {
      Caller caller = Caller.of(authentication);
      return Map.of(
          "name", caller.name(), "roles", caller.sortedRoles(), "via", caller.authenticatedBy());
    }

    @PostMapping("/api/ping")
    Map<String, Object> write(Authentication authentication) {
      return ping(authentication);
    }

    @GetMapping("/api/admin")
    String admin() {
      return "admin";
    }

    @GetMapping("/login")
    String login() {
      return "the login page";
    }

    @GetMapping("/page")
    String page(Authentication authentication) {
      return "hello " + authentication.getName();
    }

    @PostMapping("/page/form")
    String form() {
      return "posted";
    }
  }
}
