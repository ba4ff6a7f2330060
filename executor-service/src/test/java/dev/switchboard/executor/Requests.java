package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.PlannedAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Action requests as the guardrail would write them, signed with a test key. */
final class Requests {
  static final String KEY = "test-signing-key-of-at-least-32-bytes!";
  static final EventCodec CODEC = new EventCodec();
  static final ActionSigner SIGNER = ActionSigner.fromSecret(KEY, CODEC);

  private Requests() {}

  static JsonNode json(String text) {
    return CODEC.mapper().readTree(text);
  }

  static ActionRequested unsigned(
      String goalId, String actionId, String tool, boolean sideEffect, String arguments) {
    return unsigned(goalId, actionId, tool, sideEffect, arguments, Instant.now().plusSeconds(600));
  }

  static ActionRequested unsigned(
      String goalId,
      String actionId,
      String tool,
      boolean sideEffect,
      String arguments,
      Instant expiresAt) {
    return new ActionRequested(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        Instant.parse("2025-01-01T10:00:00Z"),
        new PlannedAction(actionId, tool, json(arguments), List.of(), sideEffect, "test"),
        null,
        expiresAt,
        null,
        null);
  }

  static ActionRequested signed(
      String goalId, String actionId, String tool, boolean sideEffect, String arguments) {
    return SIGNER.sign(unsigned(goalId, actionId, tool, sideEffect, arguments));
  }

  static ActionRequested lookup(String goalId, String account) {
    return signed(
        goalId, goalId + "/step-1", "demo.lookup", false, "{\"account\":\"" + account + "\"}");
  }
}
