package dev.switchboard.contracts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Per-writer Ed25519 signatures of Kafka records: the writer signs domain, topic base name, key and
 * value with its own key and puts key id and signature into the {@link SwitchboardHeaders#SIGNER}
 * and {@link SwitchboardHeaders#SIGNATURE} headers; a reader checks them with the public key of the
 * one service the catalog names as the topic's writer. A public-key signature, so no reader can
 * forge one (as it could with a shared HMAC key). The domain keeps goal events ({@link
 * #EVENT_DOMAIN}) and catalog entries ({@link #CATALOG_DOMAIN}) apart.
 *
 * <p>Every record is signed once and verified by each of its readers, so this is the hottest code
 * of a step: it uses Bouncy Castle's RFC 8032 Ed25519 (the same signatures as the JDK's, about ten
 * times faster) with the keys decoded once, here, instead of per record.
 */
public final class WriterSignatures {
  public static final String EVENT_DOMAIN = "switchboard-event-v1";
  public static final String CATALOG_DOMAIN = "switchboard-catalog-v1";
  // An X.509 Ed25519 public key: a fixed 12-byte algorithm prefix, then the 32 raw bytes.
  private static final int X509_PREFIX_LENGTH = 12;

  private final Service self;
  private final String signingKeyId;
  private final SigningKeyBytes signingKey;
  private final Map<String, EventKeys.TrustedKey> trusted;
  private final Map<String, Ed25519.PublicPoint> points;
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
    this.signingKey = signingKey == null ? null : SigningKeyBytes.of(signingKey);
    this.trusted = Map.copyOf(trusted);
    Map<String, Ed25519.PublicPoint> decoded = new HashMap<>();
    trusted.forEach((id, key) -> decoded.put(id, publicPoint(id, key.key())));
    this.points = Map.copyOf(decoded);
    this.enabled = enabled;
  }

  /** The raw RFC 8032 private key and its public key, as Bouncy Castle signs with them. */
  private record SigningKeyBytes(byte[] privateKey, byte[] publicKey) {
    static SigningKeyBytes of(PrivateKey key) {
      if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
        throw new IllegalArgumentException("the event-signing key is not an Ed25519 private key");
      }
      byte[] privateKey = edKey.getBytes().get();
      byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
      Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
      return new SigningKeyBytes(privateKey, publicKey);
    }

    @Override
    public String toString() {
      return "SigningKeyBytes[hidden]";
    }
  }

  /** An X.509 Ed25519 key ends in its 32 raw bytes; decoded and checked once, not per record. */
  private static Ed25519.PublicPoint publicPoint(String keyId, PublicKey key) {
    byte[] encoded = key.getEncoded();
    Ed25519.PublicPoint point =
        encoded == null || encoded.length != X509_PREFIX_LENGTH + Ed25519.PUBLIC_KEY_SIZE
            ? null
            : Ed25519.validatePublicKeyFullExport(encoded, X509_PREFIX_LENGTH);
    if (point == null) {
      throw new IllegalArgumentException(
          "trusted key '" + keyId + "' is not an Ed25519 public key");
    }
    return point;
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
    byte[] message = signedBytes(domain, topicBaseName, key, value);
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(
        signingKey.privateKey(),
        0,
        signingKey.publicKey(),
        0,
        message,
        0,
        message.length,
        signature,
        0);
    put(headers, SwitchboardHeaders.SIGNER, signingKeyId);
    put(headers, SwitchboardHeaders.SIGNATURE, Base64.getEncoder().encodeToString(signature));
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
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return Optional.of("unreadable signature for key '" + keyId + "'");
    }
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      return Optional.of("unreadable signature for key '" + keyId + "'");
    }
    byte[] message = signedBytes(domain, topicBaseName, key, value);
    if (!Ed25519.verify(signature, 0, points.get(keyId), message, 0, message.length)) {
      return Optional.of("bad signature for key '" + keyId + "': the record was changed");
    }
    return Optional.empty();
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
