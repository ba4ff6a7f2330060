package dev.switchboard.contracts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Per-writer Ed25519 signatures of Kafka records: the writer signs domain, topic base name, key and
 * value with its own key and puts key id and signature into the {@link SwitchboardHeaders#SIGNER}
 * and {@link SwitchboardHeaders#SIGNATURE} headers; a reader checks them with the public key of the
 * one service the catalog names as the topic's writer. A public-key signature, so no reader can
 * forge one (as it could with a shared HMAC key). The domain keeps goal events ({@link
 * #EVENT_DOMAIN}) and catalog entries ({@link #CATALOG_DOMAIN}) apart.
 */
public final class WriterSignatures {
  public static final String EVENT_DOMAIN = "switchboard-event-v1";
  public static final String CATALOG_DOMAIN = "switchboard-catalog-v1";
  private static final String ALGORITHM = EventKeys.ALGORITHM;

  private final Service self;
  private final String signingKeyId;
  private final PrivateKey signingKey;
  private final Map<String, EventKeys.TrustedKey> trusted;
  private final boolean enabled;

  /** Neither signs nor checks: for a deployment without event-signing keys. */
  public static WriterSignatures off(Service self) {
    return new WriterSignatures(self, null, null, Map.of(), false);
  }

  /**
   * @param signingKey this service's key; null for a service that writes nothing
   * @param trusted every writer's public key by key id
   */
  public WriterSignatures(
      Service self,
      String signingKeyId,
      PrivateKey signingKey,
      Map<String, EventKeys.TrustedKey> trusted) {
    this(self, signingKeyId, signingKey, trusted, true);
  }

  private WriterSignatures(
      Service self,
      String signingKeyId,
      PrivateKey signingKey,
      Map<String, EventKeys.TrustedKey> trusted,
      boolean enabled) {
    this.self = self;
    this.signingKeyId = signingKeyId;
    this.signingKey = signingKey;
    this.trusted = Map.copyOf(trusted);
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  public Service self() {
    return self;
  }

  /** Adds this service's signature over what it writes to a topic (nothing when off). */
  public void sign(String domain, String topicBaseName, String key, byte[] value, Headers headers) {
    if (!enabled) {
      return;
    }
    if (signingKey == null) {
      throw new IllegalStateException(
          self + " has no event-signing key (switchboard.security.event-signing.private-key-file)");
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(signingKey);
      signature.update(signedBytes(domain, topicBaseName, key, value));
      put(headers, SwitchboardHeaders.SIGNER, signingKeyId);
      put(
          headers,
          SwitchboardHeaders.SIGNATURE,
          Base64.getEncoder().encodeToString(signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
    }
  }

  /**
   * Empty when the record is signed by {@code writer}, the topic's one writer (or checks are off);
   * else why not, naming key ids and services but never a key.
   */
  public Optional<String> problemWith(
      String domain,
      String topicBaseName,
      Service writer,
      String key,
      byte[] value,
      Headers headers) {
    if (!enabled) {
      return Optional.empty();
    }
    String keyId = text(headers.lastHeader(SwitchboardHeaders.SIGNER));
    String encoded = text(headers.lastHeader(SwitchboardHeaders.SIGNATURE));
    if (keyId == null || encoded == null) {
      return Optional.of(
          "not signed: " + topicBaseName + " takes events signed by its writer, " + writer);
    }
    EventKeys.TrustedKey signer = trusted.get(keyId);
    if (signer == null) {
      return Optional.of("signed with unknown key '" + shortened(keyId) + "'");
    }
    if (signer.service() != writer) {
      return Optional.of(
          "signed by "
              + signer.service()
              + " (key '"
              + keyId
              + "'), but only "
              + writer
              + " writes "
              + topicBaseName);
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(signer.key());
      signature.update(signedBytes(domain, topicBaseName, key, value));
      if (!signature.verify(Base64.getDecoder().decode(encoded))) {
        return Optional.of("bad signature for key '" + keyId + "': the record was changed");
      }
      return Optional.empty();
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.of("unreadable signature for key '" + keyId + "'");
    }
  }

  private static byte[] signedBytes(String domain, String topicBaseName, String key, byte[] value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(domain.getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    bytes.writeBytes(topicBaseName.getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    bytes.writeBytes(key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    bytes.writeBytes(value == null ? new byte[0] : value);
    return bytes.toByteArray();
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String shortened(String keyId) {
    return keyId.length() <= 64 ? keyId : keyId.substring(0, 64) + "…";
  }

  @Override
  public String toString() {
    return enabled
        ? "WriterSignatures["
            + self
            + " signs with "
            + signingKeyId
            + ", trusts "
            + trusted.keySet()
            + "]"
        : "WriterSignatures[off]";
  }
}
