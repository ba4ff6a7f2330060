package dev.switchboard.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Ed25519 key files of per-writer event signing. A service's private key file holds one line
 * {@code <keyId> <base64 PKCS#8>}; the trusted-keys file one line per writer key, {@code <keyId>
 * <SERVICE> <base64 X.509>} ({@code #} comments), so several keys of one service allow rotation.
 */
public final class EventKeys {
  public static final String ALGORITHM = "Ed25519";
  public static final String TRUSTED_KEYS_FILE = "trusted-keys";

  private EventKeys() {}

  /** A writer's private key and the id readers know its public key by. */
  public record SigningKey(String keyId, PrivateKey key) {
    @Override
    public String toString() {
      return "SigningKey[" + keyId + "]";
    }
  }

  /** A verifying key: its id, and the one service it belongs to. */
  public record TrustedKey(String keyId, Service service, PublicKey key) {}

  /**
   * Writes a key pair per service into {@code dir} ({@code <service>.key}, owner-only) and their
   * public keys into {@code dir/trusted-keys}; keeps what exists already.
   */
  public static void generateMissing(Path dir, List<Service> services) {
    try {
      Files.createDirectories(dir);
      Path trustedFile = dir.resolve(TRUSTED_KEYS_FILE);
      List<String> trusted =
          Files.exists(trustedFile)
              ? new ArrayList<>(Files.readAllLines(trustedFile))
              : new ArrayList<>();
      for (Service service : services) {
        Path privateFile = dir.resolve(fileName(service));
        if (Files.exists(privateFile)) {
          continue;
        }
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        String keyId = keyIdOf(service, pair.getPublic());
        String encoded = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        writeOwnerOnly(privateFile, keyId + " " + encoded + "\n");
        trusted.add(
            keyId
                + " "
                + service.name()
                + " "
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      }
      Files.write(trustedFile, trusted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write event keys to " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make " + ALGORITHM + " keys", e);
    }
  }

  /** {@code planner.key} for the planner. */
  public static String fileName(Service service) {
    return service.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".key";
  }

  /** {@code <service>-<first 8 hex digits of the public key's SHA-256>}. */
  public static String keyIdOf(Service service, PublicKey key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return service.name().toLowerCase(Locale.ROOT)
          + "-"
          + HexFormat.of().formatHex(hash).substring(0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a private key file; errors name the file and line, never key material. */
  public static SigningKey readSigningKey(Path file) {
    List<String[]> lines = lines(file);
    if (lines.size() != 1 || lines.getFirst().length != 2) {
      throw new IllegalArgumentException(
          file + " must hold one line '<keyId> <base64 PKCS#8 Ed25519 key>'");
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.getFirst()[1])));
      return new SigningKey(lines.getFirst()[0], key);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " does not hold an Ed25519 private key");
    }
  }

  /** Reads a trusted-keys file into keys by id. */
  public static Map<String, TrustedKey> readTrustedKeys(Path file) {
    Map<String, TrustedKey> keys = new LinkedHashMap<>();
    int number = 0;
    for (String[] line : lines(file)) {
      number++;
      if (line.length != 3) {
        throw new IllegalArgumentException(
            file + " entry " + number + " is not '<keyId> <SERVICE> <base64 X.509 key>'");
      }
      Service service;
      try {
        service = Service.valueOf(line[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + " entry " + number + " names no service '" + line[1] + "'");
      }
      try {
        PublicKey key =
            KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(line[2])));
        if (keys.put(line[0], new TrustedKey(line[0], service, key)) != null) {
          throw new IllegalArgumentException(file + " names key id '" + line[0] + "' twice");
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().contains("twice")) {
          throw (IllegalArgumentException) e;
        }
        throw new IllegalArgumentException(
            file + " entry " + number + " does not hold an Ed25519 public key");
      }
    }
    return keys;
  }

  private static List<String[]> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.writeString(file, text);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's permissions have to do.
    }
  }
}
