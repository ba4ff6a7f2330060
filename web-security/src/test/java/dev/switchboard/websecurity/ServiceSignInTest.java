package dev.switchboard.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServiceSignInTest {
  private static final String OPERATOR = "operator-token-0123456789";

  @Test
  void shouldKnowAPlainTokenOnlyByItsHash() {
    ServiceSignIn signIn =
        ServiceSignIn.bind(new MockEnvironment(), "switchboard.trace")
            .withPlainToken("operator-token", "  " + OPERATOR + " ", "local-operator", "admin")
            .withPlainToken("peer-token", " ", "trace-peer", "trace-peer")
            .withPlainToken("other-token", null, "other", "other");

    assertThat(signIn.problems()).isEmpty();
    assertThat(signIn.settings().serviceTokens())
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.name()).isEqualTo("local-operator");
              assertThat(token.roles()).containsExactly("admin");
              assertThat(token.tokenHash()).isEqualTo(ServiceTokens.hash(OPERATOR));
            });
    assertThat(new ServiceTokens(signIn.settings().serviceTokens()).match(OPERATOR))
        .hasValueSatisfying(match -> assertThat(match.name()).isEqualTo("local-operator"));
    assertThat(signIn.toString()).doesNotContain(OPERATOR, ServiceTokens.hash(OPERATOR));
  }

  @Test
  void shouldNameAShortTokenAndBadBoundSettingsWithoutRepeatingThem() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("switchboard.trace.users[0].name", "ann")
            .withProperty("switchboard.trace.users[0].password-hash", "plain-password");

    List<String> problems =
        ServiceSignIn.bind(environment, "switchboard.trace")
            .withPlainToken("peer-token (environment X)", "short-one", "trace-peer", "trace-peer")
            .problems();

    assertThat(problems)
        .containsExactly(
            "switchboard.trace.peer-token (environment X) is 9 characters long; it must be at"
                + " least 16",
            "switchboard.trace.users[0].password-hash must be a bcrypt hash ($2a$10$ and 53 more"
                + " characters)");
    assertThat(String.join(" ", problems)).doesNotContain("short-one", "plain-password");
  }

  @Test
  void shouldBuildTheWebSecurityOnlyWhenTheSettingsHaveNoProblemAndSomebodyCanSignIn() {
    MockEnvironment environment = new MockEnvironment();
    String nobody = "nobody could sign in";

    assertThatThrownBy(
            () ->
                ServiceSignIn.bind(environment, "switchboard.trace")
                    .withPlainToken("peer-token", "short-one", "trace-peer", "trace-peer")
                    .webSecurity(null, null, nobody, IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("switchboard.trace.peer-token is 9 characters long; it must be at least 16");
    assertThatThrownBy(
            () ->
                ServiceSignIn.bind(environment, "switchboard.trace")
                    .webSecurity(null, null, nobody, IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(nobody);
    assertThat(
            ServiceSignIn.bind(environment, "switchboard.trace")
                .withPlainToken("operator-token", OPERATOR, "local-operator", "admin")
                .webSecurity(null, null, nobody, IllegalStateException::new)
                .anyoneCanSignIn())
        .isTrue();
  }
}
