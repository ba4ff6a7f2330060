package dev.switchboard.cli;

/**
 * How the CLI signs in to the handoff API: a service token sent with every call, or a person's
 * password traded once for a session (cookie and CSRF token) at {@code POST /api/session}.
 */
sealed interface InboxLogin {

  /** Who the CLI acts as, for messages; a token does not say. */
  String describe();

  record Token(String token) implements InboxLogin {
    @Override
    public String describe() {
      return "the service token";
    }

    @Override
    public String toString() {
      return "Token[hidden]";
    }
  }

  record Password(String user, String password) implements InboxLogin {
    @Override
    public String describe() {
      return "user '" + user + "'";
    }

    @Override
    public String toString() {
      return "Password[user=" + user + ", password=hidden]";
    }
  }
}
