package dev.switchboard.guardrail;

/** The signing key is missing or too short; the guardrail must not start. */
final class SigningKeyException extends IllegalStateException {
  SigningKeyException(String message) {
    super(message);
  }
}
