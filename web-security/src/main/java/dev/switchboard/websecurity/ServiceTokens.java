package dev.switchboard.websecurity;

import dev.switchboard.websecurity.WebSecuritySettings.ConfiguredServiceToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured service tokens, known only by their SHA-256. A token is a long random secret, so
 * one fast hash is enough (unlike a password, it cannot be guessed from a dictionary), and an API
 * call can be checked in microseconds. Every configured hash is compared in constant time.
 */
public final class ServiceTokens {
  private final List<Known> known;

  private record Known(String name, byte[] hash, List<String> roles) {}

  /** A matching token: the calling system's name and roles. */
  public record Match(String name, List<String> roles) {}

  public ServiceTokens(List<ConfiguredServiceToken> configured) {
    this.known =
        configured.stream()
            .map(
                token ->
                    new Known(
                        token.name().strip(),
                        HexFormat.of().parseHex(token.tokenHash().toLowerCase(Locale.ROOT)),
                        token.roles()))
            .toList();
  }

  public Optional<Match> match(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    byte[] digest = sha256(presented);
    Known found = null;
    // No early exit: the time taken does not say which token, or how much of one, matched.
    for (Known candidate : known) {
      if (MessageDigest.isEqual(candidate.hash(), digest) && found == null) {
        found = candidate;
      }
    }
    return found == null ? Optional.empty() : Optional.of(new Match(found.name(), found.roles()));
  }

  public boolean isEmpty() {
    return known.isEmpty();
  }

  /** The hex SHA-256 of a token, as {@code token-hash} expects it (same as {@code sha256sum}). */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ServiceTokens[" + known.stream().map(Known::name).toList() + "]";
  }
}
