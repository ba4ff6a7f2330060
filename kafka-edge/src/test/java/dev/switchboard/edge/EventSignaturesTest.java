package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSignaturesTest {
  @TempDir static Path keys;

  static EventSignatures guardrail;
  static EventSignatures planner;
  static EventSignatures trace;

  private final byte[] value = "{\"type\":\"ActionAllowed\"}".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void makeKeys() {
    EventKeys.generateMissing(keys, List.of(Service.PLANNER, Service.GUARDRAIL));
    guardrail = properties(Service.GUARDRAIL).signatures(Service.GUARDRAIL);
    planner = properties(Service.PLANNER).signatures(Service.PLANNER);
    trace =
        new EventSigningProperties(null, keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
            .signatures(Service.TRACE);
  }

  @Test
  void shouldTakeWhatTheTopicsOneWriterSigned() {
    RecordHeaders headers = new RecordHeaders();
    guardrail.sign(Topics.VERDICT, "g-1", value, headers);

    assertThat(trace.problemWith(Topics.VERDICT, "g-1", value, headers)).isEmpty();
    assertThat(planner.problemWith(Topics.VERDICT, "g-1", value, headers)).isEmpty();
  }

  @Test
  void shouldRefuseAnotherServicesSignatureATamperedRecordAndACopyUnderAnotherKeyOrTopic() {
    RecordHeaders byPlanner = new RecordHeaders();
    planner.sign(Topics.VERDICT, "g-1", value, byPlanner);
    assertThat(trace.problemWith(Topics.VERDICT, "g-1", value, byPlanner))
        .get()
        .asString()
        .contains("signed by PLANNER", "only GUARDRAIL writes verdict");

    RecordHeaders headers = new RecordHeaders();
    guardrail.sign(Topics.VERDICT, "g-1", value, headers);
    byte[] changed = "{\"type\":\"ActionDenied\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(trace.problemWith(Topics.VERDICT, "g-1", changed, headers))
        .get()
        .asString()
        .contains("bad signature");
    assertThat(trace.problemWith(Topics.VERDICT, "g-2", value, headers))
        .get()
        .asString()
        .contains("bad signature");
    assertThat(trace.problemWith(Topics.ESCALATION, "g-1", value, headers))
        .get()
        .asString()
        .contains("bad signature");
  }

  @Test
  void shouldRefuseUnsignedRecordsAndUnknownKeysButNotCheckOutsideProducers() {
    assertThat(trace.problemWith(Topics.RESOLUTION, "g-1", value, new RecordHeaders()))
        .get()
        .asString()
        .contains("not signed", "HANDOFF");
    RecordHeaders unknown = new RecordHeaders();
    EventHeaders.put(unknown, "switchboard-signer", "guardrail-00000000");
    EventHeaders.put(unknown, "switchboard-signature", "AAAA");
    assertThat(trace.problemWith(Topics.VERDICT, "g-1", value, unknown))
        .get()
        .asString()
        .contains("unknown key");
    assertThat(trace.problemWith(Topics.GOALS, "g-1", value, new RecordHeaders())).isEmpty();
  }

  @Test
  void shouldNeitherSignNorCheckWhenOff() {
    EventSignatures off = EventSignatures.off(Service.PLANNER);
    RecordHeaders headers = new RecordHeaders();
    off.sign(Topics.PLAN, "g-1", value, headers);

    assertThat(headers.toArray()).isEmpty();
    assertThat(off.problemWith(Topics.VERDICT, "g-1", value, headers)).isEmpty();
  }

  @Test
  void shouldRefuseToStartWithAKeyTheTrustedKeysDoNotNameAsItsServices() throws Exception {
    assertThatThrownBy(() -> properties(Service.GUARDRAIL).signatures(Service.PLANNER))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("is not in the trusted keys as PLANNER");
    assertThatThrownBy(
            () ->
                new EventSigningProperties(
                        null, keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
                    .signatures(Service.HANDOFF))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("private-key-file is not set");
    Path broken = Files.writeString(keys.resolve("broken.key"), "id-only\n");
    assertThatThrownBy(
            () ->
                new EventSigningProperties(
                        broken.toString(), keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
                    .signatures(Service.PLANNER))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("must hold one line")
        .hasMessageNotContaining("MC4C");
  }

  private static EventSigningProperties properties(Service service) {
    return new EventSigningProperties(
        keys.resolve(EventKeys.fileName(service)).toString(),
        keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString());
  }
}
