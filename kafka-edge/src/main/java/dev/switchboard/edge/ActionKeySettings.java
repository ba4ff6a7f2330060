package dev.switchboard.edge;

import dev.switchboard.contracts.ActionKeyRing;
import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code switchboard.security.*}: the keys the guardrail signs action requests with and the
 * executor verifies them with. Required by those two, never printed. Several keys allow rotation:
 * all verify, the one named by {@code action-signing-key-id} signs.
 *
 * @param actionSigningKey one key of at least 32 bytes (UTF-8); its id is {@code
 *     action-signing-key-id} unless that names one of the other keys, else the first 8 hex digits
 *     of its SHA-256, so guardrail and executor agree without configuring one
 * @param actionKeys more keys as {@code id=secret,id=secret}
 * @param actionKeysFile a file of keys, one {@code id=secret} per line ({@code #} comments)
 * @param actionSigningKeyId which key signs; needed when there are several
 */
@ConfigurationProperties("switchboard.security")
public record ActionKeySettings(
    String actionSigningKey, String actionKeys, String actionKeysFile, String actionSigningKeyId) {
  static final int MIN_KEY_BYTES = 32;
  private static final String PROPERTY =
      "switchboard.security.action-signing-key (environment SWITCHBOARD_SECURITY_ACTION_SIGNING_KEY)";

  @ConstructorBinding
  public ActionKeySettings {}

  /** One key, its id derived from it. */
  public ActionKeySettings(String actionSigningKey) {
    this(actionSigningKey, null, null, null);
  }

  /** One key under the given id. */
  public ActionKeySettings(String actionSigningKey, String actionSigningKeyId) {
    this(actionSigningKey, null, null, actionSigningKeyId);
  }

  /** The signer for these keys, or a start-up failure that says what is wrong (never a key). */
  public ActionSigner actionSigner(EventCodec codec) {
    return new ActionSigner(actionKeyRing(), codec);
  }

  /** Every configured key by id; the single key is {@code default}. */
  public ActionKeyRing actionKeyRing() {
    Map<String, String> keys = new LinkedHashMap<>();
    addKeys(keys, actionKeys, "switchboard.security.action-keys");
    if (actionKeysFile != null && !actionKeysFile.isBlank()) {
      try {
        addKeys(
            keys,
            String.join(
                ",",
                Files.readAllLines(Path.of(actionKeysFile)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList()),
            "switchboard.security.action-keys-file " + actionKeysFile);
      } catch (IOException e) {
        throw new InvalidConfigurationException(
            "switchboard.security.action-keys-file " + actionKeysFile + " cannot be read: " + e);
      }
    }
    String signingKeyId =
        actionSigningKeyId == null || actionSigningKeyId.isBlank() ? null : actionSigningKeyId;
    if (signingKeyId != null && !ActionKeyRing.isValidKeyId(signingKeyId)) {
      throw new InvalidConfigurationException(
          "switchboard.security.action-signing-key-id must be 1 to 64 letters, digits, '.', '_'"
              + " or '-'");
    }
    if (actionSigningKey != null && !actionSigningKey.isBlank()) {
      byte[] key = actionSigningKey.getBytes(StandardCharsets.UTF_8);
      if (key.length < MIN_KEY_BYTES) {
        throw new InvalidConfigurationException(
            PROPERTY + " is shorter than " + MIN_KEY_BYTES + " bytes; use a longer secret");
      }
      String id =
          signingKeyId != null && !keys.containsKey(signingKeyId)
              ? signingKeyId
              : ActionKeyRing.defaultKeyId(key);
      if (keys.putIfAbsent(id, actionSigningKey) != null) {
        throw new InvalidConfigurationException(
            PROPERTY
                + " has the id '"
                + id
                + "' of another key in switchboard.security.action-keys");
      }
    }
    if (keys.isEmpty()) {
      throw new InvalidConfigurationException(
          PROPERTY
              + " is not set: guardrail and executor need the same shared key (or several, with"
              + " switchboard.security.action-keys and action-signing-key-id)");
    }
    try {
      return ActionKeyRing.of(keys, signingKeyId);
    } catch (IllegalArgumentException e) {
      // ActionKeyRing's messages name key ids, never secrets.
      throw new InvalidConfigurationException("switchboard.security: " + e.getMessage());
    }
  }

  private static void addKeys(Map<String, String> keys, String entries, String source) {
    if (entries == null || entries.isBlank()) {
      return;
    }
    for (String entry : entries.split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InvalidConfigurationException(
            source
                + " holds an entry that is not id=secret (entry "
                + (entry.isBlank() ? "empty" : "without '='")
                + ")");
      }
      String id = entry.substring(0, equals).strip();
      if (keys.put(id, entry.substring(equals + 1).strip()) != null) {
        throw new InvalidConfigurationException(source + " names key id '" + id + "' twice");
      }
    }
  }

  /** Keeps the keys out of logs, actuator output and failure messages. */
  @Override
  public String toString() {
    return "ActionKeySettings[actionSigningKey="
        + (actionSigningKey == null ? "unset" : "hidden")
        + ", actionKeys="
        + (actionKeys == null ? "unset" : "hidden")
        + ", actionKeysFile="
        + actionKeysFile
        + ", actionSigningKeyId="
        + actionSigningKeyId
        + "]";
  }
}
