package dev.switchboard.websecurity;

import dev.switchboard.websecurity.WebSecuritySettings.ClaimSettings;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a person's name and roles from identity-provider claims, the same way for a JWT on the API
 * and for an OIDC login on the page.
 */
public final class ClaimRoles {
  private final ClaimSettings settings;

  public ClaimRoles(ClaimSettings settings) {
    this.settings = settings;
  }

  /** The roles claim as a set: a JSON list, or one space- or comma-separated string. */
  public Set<String> rolesIn(Map<String, Object> claims) {
    Object value = claims;
    for (String step : settings.rolesClaim().split("\\.")) {
      value = value instanceof Map<?, ?> nested ? nested.get(step) : null;
    }
    Set<String> roles = new TreeSet<>();
    if (value instanceof Collection<?> list) {
      list.stream().map(String::valueOf).map(String::strip).forEach(roles::add);
    } else if (value instanceof String text) {
      for (String role : text.split("[\\s,]+")) {
        roles.add(role);
      }
    }
    roles.removeIf(String::isBlank);
    return roles;
  }

  /** The configured principal claim, else {@code sub}. */
  public String nameIn(Map<String, Object> claims) {
    Object name = claims.get(settings.principalClaim());
    return name instanceof String text && !text.isBlank() ? text : (String) claims.get("sub");
  }

  /** For the resource server: a JWT becomes a caller with the claims' name and roles. */
  public Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
    return jwt ->
        new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), nameIn(jwt.getClaims()));
  }

  /** For OIDC login: the ID token's (and user info's) roles claim becomes the person's roles. */
  public GrantedAuthoritiesMapper oidcAuthorities() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          mapped.addAll(authorities(oidc.getIdToken().getClaims()));
          if (oidc.getUserInfo() != null) {
            mapped.addAll(authorities(oidc.getUserInfo().getClaims()));
          }
        } else if (authority instanceof OAuth2UserAuthority user) {
          mapped.addAll(authorities(user.getAttributes()));
        }
      }
      return mapped;
    };
  }

  private List<GrantedAuthority> authorities(Map<String, Object> claims) {
    return rolesIn(claims).stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Caller.ROLE_PREFIX + role))
        .toList();
  }
}
