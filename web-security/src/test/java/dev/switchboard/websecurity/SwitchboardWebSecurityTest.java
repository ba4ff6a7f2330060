package dev.switchboard.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The chains of a service with an API and pages, through the real filters (MockMvc). */
@SpringBootTest(
    classes = {SecuredTestApplication.class, SwitchboardWebSecurityTest.LocallySignedJwts.class},
    properties = {
      "logging.level.org.springframework.security=TRACE",
      "spring.security.oauth2.client.registration.corp.client-id=inbox",
      "spring.security.oauth2.client.registration.corp.client-secret="
          + SwitchboardWebSecurityTest.CLIENT_SECRET,
      "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
      "spring.security.oauth2.client.registration.corp.scope=openid,profile",
      "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example.test/authorize",
      "spring.security.oauth2.client.provider.corp.token-uri=https://idp.example.test/token",
      "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example.test/jwks",
      "spring.security.oauth2.client.provider.corp.user-name-attribute=preferred_username"
    })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ExtendWith(OutputCaptureExtension.class)
class SwitchboardWebSecurityTest {
  static final String PASSWORD = "ann-password-7Qx2";
  static final String TOKEN = "ticket-bot-token-0123456789abcdefghij";
  static final String CLIENT_SECRET = "corp-client-secret-not-for-logs";
  static final KeyPair SIGNING_KEYS = rsaKeys();
  static final KeyPair OTHER_KEYS = rsaKeys();

  @Autowired MockMvc mvc;
  @Autowired SwitchboardWebSecurity security;
  private final JsonMapper json = JsonMapper.builder().build();

  @DynamicPropertySource
  static void people(DynamicPropertyRegistry registry) {
    String prefix = SecuredTestApplication.PREFIX;
    registry.add(prefix + ".users[0].name", () -> "ann");
    registry.add(
        prefix + ".users[0].password-hash", () -> new BCryptPasswordEncoder().encode(PASSWORD));
    registry.add(prefix + ".users[0].roles", () -> "approvers,sales");
    registry.add(prefix + ".service-tokens[0].name", () -> "ticket-bot");
    registry.add(prefix + ".service-tokens[0].token-hash", () -> ServiceTokens.hash(TOKEN));
    registry.add(prefix + ".service-tokens[0].roles", () -> "approvers");
  }

  @TestConfiguration
  static class LocallySignedJwts {
    @Bean
    JwtDecoder jwtDecoder() {
      return NimbusJwtDecoder.withPublicKey((RSAPublicKey) SIGNING_KEYS.getPublic()).build();
    }
  }

  @Test
  void shouldAnswerAnAnonymousApiCallWith401AsAProblem() throws Exception {
    mvc.perform(get("/api/ping"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(ProblemResponses.SIGN_IN))
        .andExpect(jsonPath("$.instance").value("/api/ping"));
    mvc.perform(post("/api/ping")).andExpect(status().isUnauthorized());
  }

  @Test
  void shouldLetAServiceTokenIn() throws Exception {
    mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("ticket-bot"))
        .andExpect(jsonPath("$.roles[0]").value("approvers"))
        .andExpect(jsonPath("$.via").value("service-token"));
    mvc.perform(post("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isOk());
  }

  @Test
  void shouldRefuseAWrongTokenWithoutRepeatingIt() throws Exception {
    MvcResult result =
        mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN + "x"))
            .andExpect(status().isUnauthorized())
            .andExpect(
                header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
            .andExpect(jsonPath("$.detail").value(containsString("Jwt")))
            .andReturn();
    assertThat(result.getResponse().getContentAsString()).doesNotContain(TOKEN);
  }

  @Test
  void shouldTellAMissingRoleWith403AsAProblem() throws Exception {
    mvc.perform(get("/api/admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("your roles do not allow this"));
  }

  @Test
  void shouldTakeAJwtSignedByTheConfiguredKeyWithItsNameAndRoles() throws Exception {
    String jwt = jwt(SIGNING_KEYS, "erin", List.of("approvers", "finance"), 300);

    mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("erin"))
        .andExpect(jsonPath("$.roles[0]").value("approvers"))
        .andExpect(jsonPath("$.roles[1]").value("finance"))
        .andExpect(jsonPath("$.via").value("jwt"));
  }

  @Test
  void shouldRefuseAJwtSignedByAnotherKeyOrExpired() throws Exception {
    mvc.perform(
            get("/api/ping")
                .header(
                    HttpHeaders.AUTHORIZATION,
                    "Bearer " + jwt(OTHER_KEYS, "mallory", List.of("approvers"), 300)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/ping")
                .header(
                    HttpHeaders.AUTHORIZATION,
                    "Bearer " + jwt(SIGNING_KEYS, "erin", List.of("approvers"), -600)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("expired")));
  }

  @Test
  void shouldOpenAnApiSessionWithAPasswordAndThenAskForItsCsrfToken() throws Exception {
    MvcResult opened =
        mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("ann", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("ann"))
            .andExpect(jsonPath("$.csrfHeaderName").value("X-CSRF-TOKEN"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) opened.getRequest().getSession(false);
    String csrfToken = read(opened).get("csrfToken").asString();

    mvc.perform(get("/api/ping").with(cookieOf(session)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.via").value("password"));
    mvc.perform(post("/api/ping").with(cookieOf(session)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("CSRF")));
    mvc.perform(post("/api/ping").with(cookieOf(session)).header("X-CSRF-TOKEN", "forged"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/ping").with(cookieOf(session)).header("X-CSRF-TOKEN", csrfToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("ann"));
  }

  @Test
  void shouldRefuseAWrongPasswordAndNeverAskTheBrowserForOne() throws Exception {
    mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("ann", "guess")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    // Basic is taken only where a session is opened, so no API call costs a bcrypt check.
    mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("ann", PASSWORD)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void shouldSendPeopleToTheLoginPageAndBackgroundRequestsA401() throws Exception {
    mvc.perform(get("/page")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/page").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    mvc.perform(get("/page").accept(MediaType.TEXT_EVENT_STREAM))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  @Test
  void shouldLogInWithAFormUnderANewSessionId() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String before = session.getId();

    MvcResult login =
        mvc.perform(
                post("/login")
                    .with(cookieOf(session))
                    .param("username", "ann")
                    .param("password", PASSWORD)
                    .with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/page"))
            .andReturn();

    assertThat(login.getRequest().getSession().getId()).isNotEqualTo(before);
    mvc.perform(get("/page").with(cookieOf(session)))
        .andExpect(status().isOk())
        .andExpect(content().string("hello ann"));
    mvc.perform(post("/login").param("username", "ann").param("password", "wrong").with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
    mvc.perform(post("/login").param("username", "ann").param("password", PASSWORD))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/page/form")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("ann")
                        .roles("approvers")))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldSendSecureHeadersWithPages() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(
            header()
                .string("Content-Security-Policy", SwitchboardWebSecurity.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(header().string("Cache-Control", containsString("no-store")));
  }

  @Test
  void shouldOfferTheConfiguredOidcLoginAndSendPeopleToTheProvider() throws Exception {
    assertThat(security.oidcLogins())
        .containsExactly(
            new SwitchboardWebSecurity.LoginOption("Corp SSO", "/oauth2/authorization/corp"));

    mvc.perform(get("/oauth2/authorization/corp"))
        .andExpect(status().isFound())
        .andExpect(
            header()
                .string(
                    HttpHeaders.LOCATION, containsString("https://idp.example.test/authorize?")))
        .andExpect(header().string(HttpHeaders.LOCATION, containsString("client_id=inbox")));
  }

  @Test
  void shouldNeverLogPasswordsOrTokens(CapturedOutput output) throws Exception {
    int before = output.getAll().length();
    mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("ann", PASSWORD)));
    mvc.perform(post("/api/session").header(HttpHeaders.AUTHORIZATION, basic("ann", "Wr0ngPass")));
    mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN));
    mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN + "x"));
    mvc.perform(
        post("/login").param("username", "ann").param("password", "Wr0ngPass").with(csrf()));

    assertThat(output.getAll().substring(before))
        .contains("ticket-bot")
        .doesNotContain(PASSWORD)
        .doesNotContain("Wr0ngPass")
        .doesNotContain(TOKEN)
        .doesNotContain(CLIENT_SECRET);
  }

  /** What a browser sends: the session's id in a cookie, so the container finds the session. */
  private static RequestPostProcessor cookieOf(MockHttpSession session) {
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      request.setRequestedSessionIdValid(true);
      request.setRequestedSessionIdFromCookie(true);
      return request;
    };
  }

  private JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  static String jwt(KeyPair keys, String user, List<String> roles, long expiresInSeconds)
      throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("id-" + user)
            .claim("preferred_username", user)
            .claim("roles", roles)
            .issueTime(Date.from(now.minusSeconds(Math.max(0, -expiresInSeconds) + 60)))
            .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
