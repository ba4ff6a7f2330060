package dev.switchboard.websecurity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Who may sign in, bound from a service's own prefix (e.g. {@code switchboard.handoff}): people
 * with bcrypt password hashes, service tokens by their SHA-256, and how roles are read from OIDC
 * and JWT claims. No secret is kept in the clear, and {@link #toString()} shows none.
 *
 * @param users people who sign in with a password on the login page
 * @param serviceTokens other systems (a chat bot, a ticketing system) calling the API
 * @param oidc how an OIDC login or a JWT names the person and their roles
 */
public record WebSecuritySettings(
    List<ConfiguredUser> users, List<ConfiguredServiceToken> serviceTokens, ClaimSettings oidc) {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final String BCRYPT_PREFIX = "{bcrypt}";

  public WebSecuritySettings {
    users = users == null ? List.of() : List.copyOf(users);
    serviceTokens = serviceTokens == null ? List.of() : List.copyOf(serviceTokens);
    oidc = oidc == null ? new ClaimSettings(null, null) : oidc;
  }

  /**
   * A person.
   *
   * @param passwordHash bcrypt ({@code $2a$10$...}, optionally prefixed {@code {bcrypt}})
   * @param roles e.g. {@code approvers}; without the {@code ROLE_} prefix
   */
  public record ConfiguredUser(String name, String passwordHash, List<String> roles) {
    public ConfiguredUser {
      roles = roles == null ? List.of() : List.copyOf(roles);
      if (passwordHash != null && passwordHash.startsWith(BCRYPT_PREFIX)) {
        passwordHash = passwordHash.substring(BCRYPT_PREFIX.length());
      }
    }

    @Override
    public String toString() {
      return "ConfiguredUser[name=" + name + ", roles=" + roles + "]";
    }
  }

  /**
   * A system that calls the API with {@code Authorization: Bearer <token>}.
   *
   * @param tokenHash the token's SHA-256 as 64 hex digits ({@code sha256sum} of the token)
   */
  public record ConfiguredServiceToken(String name, String tokenHash, List<String> roles) {
    public ConfiguredServiceToken {
      roles = roles == null ? List.of() : List.copyOf(roles);
    }

    @Override
    public String toString() {
      return "ConfiguredServiceToken[name=" + name + ", roles=" + roles + "]";
    }
  }

  /**
   * @param rolesClaim the claim with the person's roles: a list or a space-separated string; dots
   *     reach into nested claims ({@code realm_access.roles}). Default {@code roles}.
   * @param principalClaim the claim naming the person; default {@code preferred_username}, else
   *     {@code sub}
   */
  public record ClaimSettings(String rolesClaim, String principalClaim) {
    public ClaimSettings {
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
      principalClaim =
          principalClaim == null || principalClaim.isBlank()
              ? "preferred_username"
              : principalClaim.strip();
    }
  }

  /** The settings under {@code prefix}, e.g. {@code switchboard.handoff.users[0].name}. */
  public static WebSecuritySettings bind(Environment environment, String prefix) {
    return Binder.get(environment)
        .bind(prefix, WebSecuritySettings.class)
        .orElseGet(() -> new WebSecuritySettings(null, null, null));
  }

  /** These settings and one more service token, e.g. one given as a plain secret. */
  public WebSecuritySettings withServiceToken(ConfiguredServiceToken token) {
    List<ConfiguredServiceToken> tokens = new ArrayList<>(serviceTokens);
    tokens.add(token);
    return new WebSecuritySettings(users, tokens, oidc);
  }

  /**
   * What is wrong, in words that name the property under {@code prefix} and never repeat a hash;
   * empty when the settings can be used.
   */
  public List<String> problems(String prefix) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < users.size(); i++) {
      ConfiguredUser user = users.get(i);
      String at = prefix + ".users[" + i + "]";
      checkName(user.name(), at, names, problems);
      if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
        problems.add(at + ".password-hash must be a bcrypt hash ($2a$10$ and 53 more characters)");
      }
      checkRoles(user.roles(), at, problems);
    }
    for (int i = 0; i < serviceTokens.size(); i++) {
      ConfiguredServiceToken token = serviceTokens.get(i);
      String at = prefix + ".service-tokens[" + i + "]";
      checkName(token.name(), at, names, problems);
      if (token.tokenHash() == null || !SHA_256_HEX.matcher(token.tokenHash()).matches()) {
        problems.add(at + ".token-hash must be the token's SHA-256 as 64 hex digits");
      }
      checkRoles(token.roles(), at, problems);
    }
    return problems;
  }

  private static void checkName(String name, String at, Set<String> seen, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add(at + ".name is required");
    } else if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
      problems.add(
          at + ".name '" + name + "' is used twice (users and service tokens share names)");
    }
  }

  private static void checkRoles(List<String> roles, String at, List<String> problems) {
    for (String role : roles) {
      if (role == null || role.isBlank() || role.startsWith("ROLE_")) {
        problems.add(at + ".roles: '" + role + "' is not a role name (no ROLE_ prefix, not blank)");
      }
    }
  }

  @Override
  public String toString() {
    return "WebSecuritySettings[users="
        + users
        + ", serviceTokens="
        + serviceTokens
        + ", oidc="
        + oidc
        + "]";
  }
}
