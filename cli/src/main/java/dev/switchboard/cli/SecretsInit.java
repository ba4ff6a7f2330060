package dev.switchboard.cli;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicReaders;
import dev.switchboard.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Every secret a Switchboard deployment needs, made once into one directory that {@code
 * bin/switchboard up}, compose and Kubernetes all read: the action signing key, the operator, peer
 * (inbox and trace) and tool-server tokens, the inbox's people and service token (and their hashes
 * in {@code handoff.properties}; the same people as trace viewers in {@code trace.properties}), an
 * Ed25519 event-signing key per writing service, the public keys each service trusts, and a {@code
 * kustomization.yaml} turning them into per-service Secrets. What exists is kept; what derives from
 * it is written again. No secret value is ever printed.
 */
public final class SecretsInit {
  public static final String ACTION_SIGNING_KEY = "action-signing-key";
  public static final String OPERATOR_TOKEN = "operator-token";
  public static final String PEER_TOKEN = "peer-token";
  public static final String SALES_TOOLS_TOKEN = "sales-tools-token";
  public static final String HANDOFF_PROPERTIES = "handoff.properties";
  public static final String TRACE_PEER_TOKEN = "trace-peer-token";
  public static final String TRACE_PROPERTIES = "trace.properties";

  /** The role the inbox's people get in the trace console: they may read every journal. */
  public static final String TRACE_VIEWER_ROLE = "viewer";

  public static final String EVENT_KEYS = "event-keys";
  public static final String TRUSTED = EVENT_KEYS + "/trusted";
  public static final String KUSTOMIZATION = "kustomization.yaml";

  /** The Secret holding a service's own event-signing key, and its one key. */
  public static final String EVENT_KEY_SECRET = "switchboard-%s-event-key";

  public static final String PRIVATE_KEY = "private-key";

  /** The ConfigMap of trusted public keys: one entry per reading service. */
  public static final String TRUSTED_KEYS_CONFIG_MAP = "switchboard-trusted-keys";

  /**
   * @param users the inbox's people (random passwords in {@code users/<name>})
   * @param serviceToken the example consumer's token name (in {@code tokens/<name>})
   * @param role the role of the people and the token
   * @param namespace the namespace of the Kubernetes resources
   * @param containerReadable files readable by others (0644) for compose's bind mounts; else
   *     owner-only (0600). Directories stay owner-only either way.
   */
  public record Settings(
      List<String> users,
      String serviceToken,
      String role,
      String namespace,
      boolean containerReadable) {}

  /** What a run made (new) and what it found and kept, as paths relative to the directory. */
  public record Report(List<String> made, List<String> kept) {}

  private final Path dir;
  private final Settings settings;
  private final SecureRandom random;
  private final List<String> made = new ArrayList<>();
  private final List<String> kept = new ArrayList<>();

  public SecretsInit(Path dir, Settings settings, SecureRandom random) {
    this.dir = dir;
    this.settings = settings;
    this.random = random;
  }

  /** The services that write events, so sign them: one key each. */
  public static List<Service> writers() {
    return Arrays.stream(Service.values())
        .filter(service -> service != Service.GOAL_PRODUCERS)
        .filter(service -> !Topics.writtenBy(service).isEmpty())
        .toList();
  }

  /** The services that read events, so check their signatures: one trusted-keys file each. */
  public static List<Service> readers() {
    return Arrays.stream(Service.values())
        .filter(service -> !TopicReaders.inputsOf(service).isEmpty())
        .toList();
  }

  public static String shortName(Service service) {
    return service.name().toLowerCase(Locale.ROOT);
  }

  public Report run() {
    try {
      directory(dir);
      secret(ACTION_SIGNING_KEY);
      secret(OPERATOR_TOKEN);
      secret(PEER_TOKEN);
      secret(TRACE_PEER_TOKEN);
      secret(SALES_TOOLS_TOKEN);
      directory(dir.resolve("users"));
      directory(dir.resolve("tokens"));
      boolean loginsChanged = false;
      for (String user : settings.users()) {
        loginsChanged |= secret("users/" + user);
      }
      loginsChanged |= secret("tokens/" + settings.serviceToken());
      if (loginsChanged || !Files.exists(dir.resolve(HANDOFF_PROPERTIES))) {
        write(HANDOFF_PROPERTIES, handoffProperties());
        made.add(HANDOFF_PROPERTIES);
      } else {
        kept.add(HANDOFF_PROPERTIES);
      }
      if (loginsChanged || !Files.exists(dir.resolve(TRACE_PROPERTIES))) {
        write(TRACE_PROPERTIES, traceProperties());
        made.add(TRACE_PROPERTIES);
      } else {
        kept.add(TRACE_PROPERTIES);
      }
      eventKeys();
      write(KUSTOMIZATION, kustomization());
      return new Report(List.copyOf(made), List.copyOf(kept));
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the secrets to " + dir + ": " + e, e);
    }
  }

  private void eventKeys() throws IOException {
    Path keys = dir.resolve(EVENT_KEYS);
    List<String> before = new ArrayList<>();
    for (Service writer : writers()) {
      String name = EVENT_KEYS + "/" + EventKeys.fileName(writer);
      (Files.exists(dir.resolve(name)) ? kept : before).add(name);
    }
    try {
      EventKeys.generateMissing(keys, writers());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    made.addAll(before);
    for (Service writer : writers()) {
      permissions(keys.resolve(EventKeys.fileName(writer)));
    }
    permissions(keys.resolve(EventKeys.TRUSTED_KEYS_FILE));
    // Each reader trusts exactly the writers of the topics it reads.
    List<String> trusted = Files.readAllLines(keys.resolve(EventKeys.TRUSTED_KEYS_FILE));
    directory(dir.resolve(TRUSTED));
    for (Service reader : readers()) {
      List<String> writers =
          TopicReaders.trustedWritersOf(reader).stream().map(Service::name).toList();
      String lines =
          trusted.stream()
              .filter(line -> line.split(" ").length == 3)
              .filter(line -> writers.contains(line.split(" ")[1]))
              .collect(Collectors.joining("\n", "", "\n"));
      write(TRUSTED + "/" + shortName(reader), lines);
    }
  }

  /** A random secret, unless the file is there already; true when it was made. */
  private boolean secret(String name) throws IOException {
    Path file = dir.resolve(name);
    if (Files.exists(file) && Files.size(file) > 0) {
      kept.add(name);
      permissions(file);
      return false;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    write(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    made.add(name);
    return true;
  }

  private String handoffProperties() throws IOException {
    StringBuilder text =
        new StringBuilder(
            "# Written by switchboard secrets init; the passwords are in users/, the token in"
                + " tokens/.\n");
    for (int i = 0; i < settings.users().size(); i++) {
      String user = settings.users().get(i);
      String password = Files.readString(dir.resolve("users/" + user)).strip();
      text.append("switchboard.handoff.users[%d].name=%s%n".formatted(i, user));
      text.append(
          "switchboard.handoff.users[%d].password-hash=%s%n"
              .formatted(i, BCrypt.hashpw(password, BCrypt.gensalt())));
      text.append("switchboard.handoff.users[%d].roles=%s%n".formatted(i, settings.role()));
    }
    String token = Files.readString(dir.resolve("tokens/" + settings.serviceToken())).strip();
    text.append("switchboard.handoff.service-tokens[0].name=" + settings.serviceToken() + "\n");
    text.append("switchboard.handoff.service-tokens[0].token-hash=" + sha256(token) + "\n");
    text.append("switchboard.handoff.service-tokens[0].roles=" + settings.role() + "\n");
    return text.toString();
  }

  /** The inbox's people may read the console too (role {@code viewer}); same passwords. */
  private String traceProperties() throws IOException {
    StringBuilder text =
        new StringBuilder("# Written by switchboard secrets init; the passwords are in users/.\n");
    for (int i = 0; i < settings.users().size(); i++) {
      String user = settings.users().get(i);
      String password = Files.readString(dir.resolve("users/" + user)).strip();
      text.append("switchboard.trace.users[%d].name=%s%n".formatted(i, user));
      text.append(
          "switchboard.trace.users[%d].password-hash=%s%n"
              .formatted(i, BCrypt.hashpw(password, BCrypt.gensalt())));
      text.append("switchboard.trace.users[%d].roles=%s%n".formatted(i, TRACE_VIEWER_ROLE));
    }
    return text.toString();
  }

  /**
   * {@code kubectl apply -k <dir>}: each service's Secret (files named after the property they set,
   * for Spring's config tree), each writer's own event key Secret, the trusted keys ConfigMap.
   */
  private String kustomization() {
    StringBuilder yaml =
        new StringBuilder(
            """
            # Written by switchboard secrets init: kubectl apply -k <this directory>.
            # Each service gets only its own Secret; every reader its trusted keys (one ConfigMap).
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: %s
            generatorOptions:
              disableNameSuffixHash: true
            secretGenerator:
              - name: switchboard-guardrail-secrets
                files:
                  - switchboard.security.action-signing-key=action-signing-key
              - name: switchboard-executor-secrets
                files:
                  - switchboard.security.action-signing-key=action-signing-key
                  - sales-tools-token=sales-tools-token
              - name: switchboard-handoff-secrets
                files:
                  - switchboard.handoff.operator-token=operator-token
                  - switchboard.handoff.peer-token=peer-token
                  - handoff.properties=handoff.properties
              - name: switchboard-trace-secrets
                files:
                  - switchboard.trace.operator-token=operator-token
                  - switchboard.trace.peer-token=trace-peer-token
                  - trace.properties=trace.properties
              - name: switchboard-sales-tools-secrets
                files:
                  - sales-tools.token=sales-tools-token
            """
                .formatted(settings.namespace()));
    for (Service writer : writers()) {
      yaml.append("  - name: ").append(EVENT_KEY_SECRET.formatted(shortName(writer))).append('\n');
      yaml.append("    files:\n");
      yaml.append("      - ")
          .append(PRIVATE_KEY)
          .append('=')
          .append(EVENT_KEYS)
          .append('/')
          .append(EventKeys.fileName(writer))
          .append('\n');
    }
    yaml.append("configMapGenerator:\n");
    yaml.append("  - name: ").append(TRUSTED_KEYS_CONFIG_MAP).append('\n');
    yaml.append("    files:\n");
    for (Service reader : readers()) {
      yaml.append("      - ")
          .append(shortName(reader))
          .append('=')
          .append(TRUSTED)
          .append('/')
          .append(shortName(reader))
          .append('\n');
    }
    return yaml.toString();
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, content, StandardCharsets.UTF_8);
    permissions(partial);
    Files.move(
        partial,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private void permissions(Path file) throws IOException {
    Files.setPosixFilePermissions(
        file,
        PosixFilePermissions.fromString(settings.containerReadable() ? "rw-r--r--" : "rw-------"));
  }

  private static void directory(Path path) throws IOException {
    Files.createDirectories(path);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
