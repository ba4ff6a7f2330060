package dev.switchboard.handoff;

import dev.switchboard.edge.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one local operator's bearer token, until real users arrive. Compared in constant time, and
 * never shown by {@link #toString()}.
 */
final class OperatorToken {
  static final int MIN_LENGTH = 16;
  private static final String PROPERTY =
      "switchboard.handoff.operator-token (environment SWITCHBOARD_HANDOFF_OPERATOR_TOKEN)";
  private static final String BEARER = "Bearer ";

  /** Why a request was not let in; the text goes into the 401 answer. */
  enum Verdict {
    ADMITTED(null),
    MISSING("an 'Authorization: Bearer <operator token>' header is required"),
    WRONG("the bearer token is not the operator token");

    final String problem;

    Verdict(String problem) {
      this.problem = problem;
    }
  }

  private final byte[] expected;

  private OperatorToken(String token) {
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  static OperatorToken of(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new InvalidConfigurationException(
          PROPERTY + " is not set: the inbox API needs a token for its operator");
    }
    if (configured.strip().length() < MIN_LENGTH) {
      throw new InvalidConfigurationException(
          PROPERTY
              + " is "
              + configured.strip().length()
              + " characters long; it must be at least "
              + MIN_LENGTH);
    }
    return new OperatorToken(configured.strip());
  }

  Verdict check(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Verdict.MISSING;
    }
    byte[] presented =
        authorizationHeader.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    // isEqual takes time by the length of its first argument only: the expected token.
    return MessageDigest.isEqual(expected, presented) ? Verdict.ADMITTED : Verdict.WRONG;
  }

  @Override
  public String toString() {
    return "OperatorToken[hidden]";
  }
}
