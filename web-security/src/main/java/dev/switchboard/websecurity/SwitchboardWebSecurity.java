package dev.switchboard.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The security filter chains of a Switchboard service with pages and an API, built from {@link
 * WebSecuritySettings}:
 *
 * <ul>
 *   <li>{@link #sessionChain}: {@code POST /api/session} with HTTP Basic, the one place an API
 *       client's password is checked; it answers with a session cookie and a CSRF token.
 *   <li>{@link #apiChain}: bearer tokens (service tokens, and JWTs when a {@link JwtDecoder} is
 *       configured) or that session; a write carried by a session cookie needs the CSRF token; 401
 *       and 403 are RFC 9457 problems.
 *   <li>{@link #pageChain}: form login (configured users) and OIDC login (configured clients), CSRF
 *       on every form, secure headers, a new session id at login.
 * </ul>
 *
 * The service adds its own authorization rules to each chain.
 */
public final class SwitchboardWebSecurity {
  public static final String SESSION_PATH = "/api/session";
  public static final String LOGIN_PAGE = "/login";

  /**
   * What anyone may fetch: probes (health shows details only to the roles {@code
   * management.endpoint.health.roles} names), the service's info, icons and webjars.
   */
  public static final List<String> OPEN_PATHS =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/info",
          "/webjars/**",
          "/favicon.ico",
          "/favicon.svg");

  /** Scripts, styles and connections from this origin only; no framing, no plug-ins. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final WebSecuritySettings settings;
  private final JwtDecoder jwtDecoder;
  private final ClientRegistrationRepository clients;
  private final ClaimRoles claims;
  private final ServiceTokens serviceTokens;
  private final ProblemResponses problems = new ProblemResponses();
  private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder();
  private final UserDetailsService users;

  /**
   * @param jwtDecoder verifies bearer JWTs on the API; null: service tokens only
   * @param clients OIDC clients for the login page; null: password login only
   */
  public SwitchboardWebSecurity(
      WebSecuritySettings settings, JwtDecoder jwtDecoder, ClientRegistrationRepository clients) {
    this.settings = settings;
    this.jwtDecoder = jwtDecoder;
    this.clients = clients;
    this.claims = new ClaimRoles(settings.oidc());
    this.serviceTokens = new ServiceTokens(settings.serviceTokens());
    this.users = new InMemoryUserDetailsManager(userDetails(settings));
  }

  private static List<UserDetails> userDetails(WebSecuritySettings settings) {
    return settings.users().stream()
        .map(
            user ->
                User.withUsername(user.name().strip())
                    .password(user.passwordHash())
                    .roles(user.roles().toArray(String[]::new))
                    .build())
        .toList();
  }

  /** The configured people; a bean of it keeps Spring Boot from inventing a default user. */
  public UserDetailsService users() {
    return users;
  }

  /** False when nobody could sign in at all: no users, tokens, JWT decoder or OIDC client. */
  public boolean anyoneCanSignIn() {
    return !settings.users().isEmpty()
        || !serviceTokens.isEmpty()
        || jwtDecoder != null
        || clients != null;
  }

  public boolean passwordLogin() {
    return !settings.users().isEmpty();
  }

  /** A sign-in option of the login page besides the password form. */
  public record LoginOption(String name, String url) {}

  /** The OIDC providers, for links on the login page. */
  public List<LoginOption> oidcLogins() {
    List<LoginOption> options = new ArrayList<>();
    if (clients instanceof Iterable<?> registrations) {
      for (Object each : registrations) {
        ClientRegistration registration = (ClientRegistration) each;
        options.add(
            new LoginOption(
                registration.getClientName(),
                "/oauth2/authorization/" + registration.getRegistrationId()));
      }
    }
    return options;
  }

  /**
   * What a service's {@code /login} page shows: {@code passwordLogin}, {@code oidcLogins}, and
   * whether the last attempt {@code failed} or the person just {@code signedOut}.
   */
  public Map<String, Object> loginModel(boolean failed, boolean signedOut) {
    return Map.of(
        "passwordLogin",
        passwordLogin(),
        "oidcLogins",
        oidcLogins(),
        "failed",
        failed,
        "signedOut",
        signedOut);
  }

  public SecurityFilterChain sessionChain(HttpSecurity http) {
    // Only the POST: the path's other methods (who am I, sign out) belong to the API chain.
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SESSION_PATH))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .authenticationManager(new ProviderManager(passwordProvider()))
        // A Basic header is never ambient here: no page ever asks the browser for it.
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  public SecurityFilterChain apiChain(
      HttpSecurity http,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules,
      String... patterns) {
    return http.securityMatcher(patterns)
        .authorizeHttpRequests(rules)
        .oauth2ResourceServer(
            resource ->
                resource
                    .authenticationManagerResolver(request -> bearerTokens())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(SwitchboardWebSecurity::carriedBySessionCookie)
                    // API clients send the token as it came from POST /api/session.
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  public SecurityFilterChain pageChain(
      HttpSecurity http,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules,
      String afterLogin) {
    http.authorizeHttpRequests(
        auth -> {
          auth.requestMatchers(LOGIN_PAGE, "/error").permitAll();
          rules.customize(auth);
        });
    if (passwordLogin()) {
      http.formLogin(
          form ->
              form.loginPage(LOGIN_PAGE)
                  .defaultSuccessUrl(afterLogin)
                  .failureUrl(LOGIN_PAGE + "?error")
                  .permitAll());
      http.authenticationManager(new ProviderManager(passwordProvider()));
    } else {
      http.formLogin(form -> form.disable());
    }
    if (clients != null) {
      http.oauth2Login(
          oidc ->
              oidc.loginPage(LOGIN_PAGE)
                  .defaultSuccessUrl(afterLogin)
                  .userInfoEndpoint(info -> info.userAuthoritiesMapper(claims.oidcAuthorities())));
    }
    return http.logout(
            logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?signed-out"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .exceptionHandling(
            handling ->
                handling
                    // htmx and server-sent-event requests cannot follow a redirect to a form.
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        SwitchboardWebSecurity::backgroundRequest)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true))
        .build();
  }

  /** Service tokens first (cheap), then a JWT when a decoder is configured. */
  private ProviderManager bearerTokens() {
    List<AuthenticationProvider> providers = new ArrayList<>();
    providers.add(new ServiceTokenAuthenticationProvider(serviceTokens, jwtDecoder != null));
    if (jwtDecoder != null) {
      JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
      jwt.setJwtAuthenticationConverter(claims.jwtConverter());
      providers.add(jwt);
    }
    return new ProviderManager(providers);
  }

  private DaoAuthenticationProvider passwordProvider() {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwordEncoder);
    return provider;
  }

  /**
   * CSRF protects what a browser sends by itself: a write with a live session cookie and no bearer
   * token. Without a session there is nothing to forge; a bearer header is never ambient.
   */
  static boolean carriedBySessionCookie(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
  }

  static boolean backgroundRequest(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "true".equals(request.getHeader("HX-Request"))
        || (accept != null && accept.contains("text/event-stream"));
  }
}
