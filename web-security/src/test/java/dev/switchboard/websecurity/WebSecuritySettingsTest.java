package dev.switchboard.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.websecurity.WebSecuritySettings.ClaimSettings;
import dev.switchboard.websecurity.WebSecuritySettings.ConfiguredServiceToken;
import dev.switchboard.websecurity.WebSecuritySettings.ConfiguredUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class WebSecuritySettingsTest {
  private static final String HASH = new BCryptPasswordEncoder().encode("secret-password");
  private static final String TOKEN_HASH = ServiceTokens.hash("a-service-token");

  @Test
  void shouldAcceptBcryptHashesAndSha256TokenHashes() {
    WebSecuritySettings settings =
        new WebSecuritySettings(
            List.of(new ConfiguredUser("ann", "{bcrypt}" + HASH, List.of("approvers"))),
            List.of(new ConfiguredServiceToken("bot", TOKEN_HASH.toUpperCase(), List.of())),
            null);

    assertThat(settings.problems("p")).isEmpty();
    assertThat(settings.users().getFirst().passwordHash()).isEqualTo(HASH);
  }

  @Test
  void shouldNameEachBadPropertyWithoutRepeatingIt() {
    WebSecuritySettings settings =
        new WebSecuritySettings(
            List.of(
                new ConfiguredUser("ann", "plain-password", List.of("ROLE_approvers")),
                new ConfiguredUser(" ", HASH, List.of())),
            List.of(
                new ConfiguredServiceToken("Ann", TOKEN_HASH, List.of()),
                new ConfiguredServiceToken("bot", "not-hex", List.of())),
            null);

    assertThat(settings.problems("switchboard.handoff"))
        .containsExactly(
            "switchboard.handoff.users[0].password-hash must be a bcrypt hash ($2a$10$ and 53 more"
                + " characters)",
            "switchboard.handoff.users[0].roles: 'ROLE_approvers' is not a role name (no ROLE_"
                + " prefix, not blank)",
            "switchboard.handoff.users[1].name is required",
            "switchboard.handoff.service-tokens[0].name 'Ann' is used twice (users and service"
                + " tokens share names)",
            "switchboard.handoff.service-tokens[1].token-hash must be the token's SHA-256 as 64 hex"
                + " digits")
        .noneMatch(problem -> problem.contains("plain-password"));
  }

  @Test
  void shouldShowNoHashes() {
    WebSecuritySettings settings =
        new WebSecuritySettings(
            List.of(new ConfiguredUser("ann", HASH, List.of("approvers"))),
            List.of(new ConfiguredServiceToken("bot", TOKEN_HASH, List.of())),
            null);

    assertThat(settings.toString()).doesNotContain(HASH).doesNotContain(TOKEN_HASH).contains("ann");
  }

  @Test
  void shouldMatchOnlyTheConfiguredTokens() {
    ServiceTokens tokens =
        new ServiceTokens(
            List.of(
                new ConfiguredServiceToken("bot", TOKEN_HASH, List.of("approvers")),
                new ConfiguredServiceToken(
                    "other", ServiceTokens.hash("x".repeat(40)), List.of())));

    assertThat(tokens.match("a-service-token"))
        .contains(new ServiceTokens.Match("bot", List.of("approvers")));
    assertThat(tokens.match("a-service-tokeN")).isEmpty();
    assertThat(tokens.match("")).isEmpty();
    assertThat(tokens.match(null)).isEmpty();
    assertThat(ServiceTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void shouldReadRolesAndNamesFromClaims() {
    ClaimRoles flat = new ClaimRoles(new ClaimSettings(null, null));
    ClaimRoles nested = new ClaimRoles(new ClaimSettings("realm_access.roles", "email"));

    assertThat(flat.rolesIn(Map.of("roles", List.of("b", "a")))).containsExactly("a", "b");
    assertThat(flat.rolesIn(Map.of("roles", "a b,c"))).containsExactly("a", "b", "c");
    assertThat(flat.rolesIn(Map.of())).isEmpty();
    assertThat(nested.rolesIn(Map.of("realm_access", Map.of("roles", List.of("approvers")))))
        .containsExactly("approvers");
    assertThat(flat.nameIn(Map.of("preferred_username", "erin", "sub", "id-1"))).isEqualTo("erin");
    assertThat(nested.nameIn(Map.of("sub", "id-1"))).isEqualTo("id-1");
  }
}
