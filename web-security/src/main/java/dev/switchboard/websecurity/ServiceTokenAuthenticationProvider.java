package dev.switchboard.websecurity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Turns a bearer token that is a configured service token into its system's identity. Any other
 * token is left to the JWT provider when one is configured, else refused.
 */
final class ServiceTokenAuthenticationProvider implements AuthenticationProvider {
  private final ServiceTokens tokens;
  private final boolean jwtFollows;

  ServiceTokenAuthenticationProvider(ServiceTokens tokens, boolean jwtFollows) {
    this.tokens = tokens;
    this.jwtFollows = jwtFollows;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    return tokens
        .match(token)
        .<Authentication>map(match -> new ServiceTokenAuthentication(match.name(), match.roles()))
        .orElseGet(
            () -> {
              if (jwtFollows) {
                return null;
              }
              throw new InvalidBearerTokenException(
                  "the bearer token is not a known service token");
            });
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
