package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventKeysCommandTest {
  @TempDir Path dir;

  @Test
  void shouldMakeAKeyPerWritingServiceAndKeepThemOnASecondRun() throws Exception {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);
    assertThat(SwitchboardCli.run(new String[] {"event-keys", dir.toString()}, out, out, Map.of()))
        .isZero();
    String plannerKey = Files.readString(dir.resolve("planner.key"));

    assertThat(SwitchboardCli.run(new String[] {"event-keys", dir.toString()}, out, out, Map.of()))
        .isZero();

    assertThat(Files.readString(dir.resolve("planner.key"))).isEqualTo(plannerKey);
    assertThat(dir.resolve("trace.key")).doesNotExist();
    assertThat(EventKeys.readTrustedKeys(dir.resolve(EventKeys.TRUSTED_KEYS_FILE)).values())
        .extracting(EventKeys.TrustedKey::service)
        .containsExactlyInAnyOrder(
            Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR, Service.HANDOFF);
    assertThat(EventKeys.readSigningKey(dir.resolve("handoff.key")).keyId()).startsWith("handoff-");
  }
}
