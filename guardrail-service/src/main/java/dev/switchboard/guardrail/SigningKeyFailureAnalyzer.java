package dev.switchboard.guardrail;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad signing key into a short start-up report that says how to fix it. */
final class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set switchboard.security.action-signing-key (environment variable"
            + " SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY) to a secret of at least "
            + ActionSigning.MIN_KEY_BYTES
            + " bytes, the same one the executor uses.",
        cause);
  }
}
