package dev.switchboard.websecurity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a service token; it holds the system's name, never the token. */
public final class ServiceTokenAuthentication extends AbstractAuthenticationToken {
  private final String name;

  ServiceTokenAuthentication(String name, List<String> roles) {
    super(
        roles.stream().map(role -> new SimpleGrantedAuthority(Caller.ROLE_PREFIX + role)).toList());
    this.name = name;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return name;
  }

  @Override
  public String getName() {
    return name;
  }
}
