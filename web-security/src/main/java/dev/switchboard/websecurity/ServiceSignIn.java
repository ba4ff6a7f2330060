package dev.switchboard.websecurity;

import dev.switchboard.websecurity.WebSecuritySettings.ConfiguredServiceToken;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A service's sign-in settings as it starts: what {@link WebSecuritySettings} binds from its
 * prefix, plus the secrets it takes in the clear from its own properties (an operator token, the
 * token its instances call each other with), checked together.
 */
public final class ServiceSignIn {
  /** A plain token is a random secret; anything shorter is a mistake, not a secret. */
  public static final int MIN_PLAIN_TOKEN_LENGTH = 16;

  private final String prefix;
  private final WebSecuritySettings settings;
  private final List<String> problems;

  private ServiceSignIn(String prefix, WebSecuritySettings settings, List<String> problems) {
    this.prefix = prefix;
    this.settings = settings;
    this.problems = List.copyOf(problems);
  }

  /** The users, service tokens and claim settings under {@code prefix}. */
  public static ServiceSignIn bind(Environment environment, String prefix) {
    return new ServiceSignIn(prefix, WebSecuritySettings.bind(environment, prefix), List.of());
  }

  /**
   * These and one more service token given in the clear, known from now on only by its hash; a
   * blank token adds nothing.
   *
   * @param property how the problem names the setting, e.g. {@code operator-token (environment
   *     SWITCHBOARD_TRACE_OPERATOR_TOKEN)}
   */
  public ServiceSignIn withPlainToken(String property, String token, String name, String role) {
    if (token == null || token.isBlank()) {
      return this;
    }
    String secret = token.strip();
    if (secret.length() < MIN_PLAIN_TOKEN_LENGTH) {
      List<String> more = new ArrayList<>(problems);
      more.add(
          prefix
              + "."
              + property
              + " is "
              + secret.length()
              + " characters long; it must be at least "
              + MIN_PLAIN_TOKEN_LENGTH);
      return new ServiceSignIn(prefix, settings, more);
    }
    return new ServiceSignIn(
        prefix,
        settings.withServiceToken(
            new ConfiguredServiceToken(name, ServiceTokens.hash(secret), List.of(role))),
        problems);
  }

  /** What is wrong, naming the properties and never a secret; empty when it can be used. */
  public List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    all.addAll(settings.problems(prefix));
    return all;
  }

  public WebSecuritySettings settings() {
    return settings;
  }

  /**
   * The web security of these settings, or {@code refusal} of every problem, or of {@code nobody}
   * when nobody could sign in at all (no users, tokens, JWT decoder or OIDC client).
   *
   * @param jwtDecoder verifies bearer JWTs on the API; null: service tokens only
   * @param clients OIDC clients for the login page; null: password login only
   */
  public SwitchboardWebSecurity webSecurity(
      JwtDecoder jwtDecoder,
      ClientRegistrationRepository clients,
      String nobody,
      Function<String, ? extends RuntimeException> refusal) {
    List<String> all = problems();
    if (!all.isEmpty()) {
      throw refusal.apply(String.join("; ", all));
    }
    SwitchboardWebSecurity security = new SwitchboardWebSecurity(settings, jwtDecoder, clients);
    if (!security.anyoneCanSignIn()) {
      throw refusal.apply(nobody);
    }
    return security;
  }

  @Override
  public String toString() {
    return "ServiceSignIn[prefix=" + prefix + ", settings=" + settings + "]";
  }
}
