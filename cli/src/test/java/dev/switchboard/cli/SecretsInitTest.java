package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class SecretsInitTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @Test
  void shouldWriteEverySecretOnceAndKeepThemOnASecondRun() throws Exception {
    assertThat(init("--dir", dir.toString())).isZero();
    String operatorToken = Files.readString(dir.resolve("operator-token"));
    String plannerKey = Files.readString(dir.resolve("event-keys/planner.key"));
    String logins = Files.readString(dir.resolve("handoff.properties"));

    assertThat(init("--dir", dir.toString())).isZero();

    for (String file :
        List.of(
            "action-signing-key",
            "operator-token",
            "peer-token",
            "trace-peer-token",
            "sales-tools-token",
            "users/approver",
            "users/requester",
            "tokens/handoff-consumer")) {
      assertThat(Files.readString(dir.resolve(file))).as(file).hasSizeGreaterThanOrEqualTo(32);
    }
    assertThat(Files.readString(dir.resolve("operator-token"))).isEqualTo(operatorToken);
    assertThat(Files.readString(dir.resolve("event-keys/planner.key"))).isEqualTo(plannerKey);
    assertThat(Files.readString(dir.resolve("handoff.properties")))
        .as("no new login, no new hashes")
        .isEqualTo(logins);
    assertThat(dir.resolve("event-keys/trace.key")).as("trace writes nothing").doesNotExist();
    assertThat(printed.toString()).contains("kept  operator-token", "made  event-keys/handoff.key");
  }

  @Test
  void shouldHashThePeopleAndTheTokenForTheInbox() throws Exception {
    assertThat(init("--dir", dir.toString(), "--user", "ada,bob", "--role", "sales")).isZero();

    Properties logins = new Properties();
    logins.load(Files.newBufferedReader(dir.resolve("handoff.properties")));
    assertThat(logins.getProperty("switchboard.handoff.users[0].name")).isEqualTo("ada");
    assertThat(logins.getProperty("switchboard.handoff.users[1].name")).isEqualTo("bob");
    assertThat(
            BCrypt.checkpw(
                Files.readString(dir.resolve("users/bob")),
                logins.getProperty("switchboard.handoff.users[1].password-hash")))
        .isTrue();
    assertThat(logins.getProperty("switchboard.handoff.users[0].roles")).isEqualTo("sales");
    assertThat(logins.getProperty("switchboard.handoff.service-tokens[0].token-hash"))
        .isEqualTo(sha256(Files.readString(dir.resolve("tokens/handoff-consumer"))));
  }

  @Test
  void shouldLetThePeopleReadTheTraceConsoleAndGiveTraceItsSecrets() throws Exception {
    assertThat(init("--dir", dir.toString(), "--user", "ada,bob", "--role", "sales")).isZero();

    Properties viewers = new Properties();
    viewers.load(Files.newBufferedReader(dir.resolve("trace.properties")));
    assertThat(viewers.getProperty("switchboard.trace.users[1].name")).isEqualTo("bob");
    assertThat(
            BCrypt.checkpw(
                Files.readString(dir.resolve("users/bob")),
                viewers.getProperty("switchboard.trace.users[1].password-hash")))
        .isTrue();
    assertThat(viewers.getProperty("switchboard.trace.users[0].roles")).isEqualTo("viewer");
    assertThat(Files.readString(dir.resolve("kustomization.yaml")))
        .contains(
            "  - name: switchboard-trace-secrets\n"
                + "    files:\n"
                + "      - switchboard.trace.operator-token=operator-token\n"
                + "      - switchboard.trace.peer-token=trace-peer-token\n"
                + "      - trace.properties=trace.properties\n");
  }

  @Test
  void shouldLetEachReaderTrustExactlyTheWritersOfTheTopicsItReads() throws Exception {
    assertThat(init("--dir", dir.toString())).isZero();

    Map<String, Service> expected =
        Map.of(
            "planner", Service.PLANNER,
            "guardrail", Service.GUARDRAIL,
            "executor", Service.EXECUTOR,
            "handoff", Service.HANDOFF,
            "trace", Service.TRACE);
    // Each writer trusts itself too: it reads back what it signed, and checks its key at start.
    // The executor and the inbox read the planner's outcomes to forget ended goals; the inbox
    // follows its agents catalog too (who a person may hand a goal to), signed by the same key.
    assertThat(trustedOf("executor"))
        .containsExactlyInAnyOrder(Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR);
    assertThat(trustedOf("handoff"))
        .containsExactlyInAnyOrder(Service.PLANNER, Service.GUARDRAIL, Service.HANDOFF);
    assertThat(trustedOf("planner"))
        .containsExactlyInAnyOrder(
            Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR, Service.HANDOFF);
    assertThat(trustedOf("guardrail"))
        .containsExactlyInAnyOrder(
            Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR, Service.HANDOFF);
    assertThat(trustedOf("trace"))
        .containsExactlyInAnyOrder(
            Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR, Service.HANDOFF);
    expected.forEach(
        (name, service) ->
            assertThat(trustedOf(name))
                .isEqualTo(dev.switchboard.contracts.TopicReaders.trustedWritersOf(service)));
  }

  @Test
  void shouldKeepFilesOwnerOnlyUnlessContainersMustReadThem() throws Exception {
    assertThat(init("--dir", dir.toString())).isZero();
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("operator-token"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("event-keys/guardrail.key"))).isEqualTo("rw-------");

    assertThat(init("--dir", dir.toString(), "--container-readable")).isZero();
    assertThat(mode(dir.resolve("operator-token"))).isEqualTo("rw-r--r--");
    assertThat(mode(dir.resolve("event-keys/guardrail.key"))).isEqualTo("rw-r--r--");
    assertThat(mode(dir.resolve("users"))).isEqualTo("rwx------");
  }

  @Test
  void shouldWriteAKustomizationWithEachWritersOwnKeyAndTheTrustedKeys() throws Exception {
    assertThat(init("--dir", dir.toString(), "--namespace", "switchboard")).isZero();

    String kustomization = Files.readString(dir.resolve("kustomization.yaml"));
    assertThat(kustomization)
        .contains("namespace: switchboard\n")
        .contains(
            "  - name: switchboard-planner-event-key\n"
                + "    files:\n"
                + "      - private-key=event-keys/planner.key\n")
        .contains("  - name: switchboard-trusted-keys\n")
        .contains("      - trace=event-keys/trusted/trace\n")
        .doesNotContain("trace.key");
  }

  @Test
  void shouldPrintNoSecretAndRefuseABadName() throws Exception {
    assertThat(init("--dir", dir.toString())).isZero();
    for (String file : List.of("operator-token", "users/approver", "action-signing-key")) {
      assertThat(printed.toString()).doesNotContain(Files.readString(dir.resolve(file)));
    }

    assertThat(init("--dir", dir.toString(), "--user", "Robert'); DROP")).isEqualTo(64);
    assertThat(errors.toString()).contains("--user must be a lower-case name");
    assertThat(init()).isEqualTo(64);
    assertThat(errors.toString()).contains("Missing required option: '--dir=<dir>'");
  }

  private int init(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "secrets";
    args[1] = "init";
    System.arraycopy(options, 0, args, 2, options.length);
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
    return SwitchboardCli.run(args, out, err, Map.of());
  }

  private Set<Service> trustedOf(String reader) {
    Path file = dir.resolve("event-keys/trusted/" + reader);
    return EventKeys.readTrustedKeys(file).values().stream()
        .map(EventKeys.TrustedKey::service)
        .collect(Collectors.toSet());
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
