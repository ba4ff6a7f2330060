package dev.switchboard.websecurity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Whoever an HTTP request was authenticated as, in Switchboard's terms: a name, roles without the
 * {@code ROLE_} prefix, and how they signed in (for the audit trail).
 *
 * @param authenticatedBy {@code password}, {@code service-token}, {@code jwt} or {@code oidc}
 */
public record Caller(String name, Set<String> roles, String authenticatedBy) {
  public static final String PASSWORD = "password";
  public static final String SERVICE_TOKEN = "service-token";
  public static final String JWT = "jwt";
  public static final String OIDC = "oidc";
  static final String ROLE_PREFIX = "ROLE_";

  public Caller {
    roles = Set.copyOf(roles);
  }

  public static Caller of(Authentication authentication) {
    String via =
        switch (authentication) {
          case ServiceTokenAuthentication token -> SERVICE_TOKEN;
          case JwtAuthenticationToken jwt -> JWT;
          case OAuth2AuthenticationToken oidc -> OIDC;
          case UsernamePasswordAuthenticationToken password -> PASSWORD;
          default -> authentication.getClass().getSimpleName();
        };
    return new Caller(authentication.getName(), rolesOf(authentication.getAuthorities()), via);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Roles sorted, for display and for the audit record. */
  public List<String> sortedRoles() {
    return List.copyOf(new TreeSet<>(roles));
  }

  static Set<String> rolesOf(Collection<? extends GrantedAuthority> authorities) {
    Set<String> roles = new TreeSet<>();
    for (GrantedAuthority authority : authorities) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(ROLE_PREFIX)) {
        roles.add(name.substring(ROLE_PREFIX.length()));
      }
    }
    return roles;
  }
}
