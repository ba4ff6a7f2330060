package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class WriterSignaturesTest {
  private static final String DOMAIN = WriterSignatures.EVENT_DOMAIN;
  private static final byte[] VALUE =
      "{\"type\":\"StepsProposed\"}".getBytes(StandardCharsets.UTF_8);

  private final WriterKeys keys = new WriterKeys(List.of(Service.PLANNER, Service.GUARDRAIL));
  private final WriterSignatures planner = keys.of(Service.PLANNER);
  private final WriterSignatures guardrail = keys.of(Service.GUARDRAIL);

  @Test
  void shouldAcceptWhatTheTopicsWriterSigned() {
    Headers headers = new RecordHeaders();
    planner.sign(DOMAIN, "plan", "g-1", VALUE, headers);

    assertThat(guardrail.problemWith(DOMAIN, "plan", Service.PLANNER, "g-1", VALUE, headers))
        .isEmpty();
  }

  @Test
  void shouldRefuseAChangedValueKeyTopicOrDomain() {
    Headers headers = new RecordHeaders();
    planner.sign(DOMAIN, "plan", "g-1", VALUE, headers);
    byte[] changed = "{\"type\":\"GoalCompleted\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(guardrail.problemWith(DOMAIN, "plan", Service.PLANNER, "g-1", changed, headers))
        .get(STRING)
        .startsWith("bad signature for key '")
        .endsWith("': the record was changed");
    assertThat(guardrail.problemWith(DOMAIN, "plan", Service.PLANNER, "g-2", VALUE, headers))
        .isPresent();
    assertThat(guardrail.problemWith(DOMAIN, "outcome", Service.PLANNER, "g-1", VALUE, headers))
        .isPresent();
    assertThat(
            guardrail.problemWith(
                WriterSignatures.CATALOG_DOMAIN, "plan", Service.PLANNER, "g-1", VALUE, headers))
        .isPresent();
  }

  @Test
  void shouldRefuseAnotherWritersSignatureUnsignedAndUnreadableRecords() {
    Headers byGuardrail = new RecordHeaders();
    guardrail.sign(DOMAIN, "plan", "g-1", VALUE, byGuardrail);
    assertThat(guardrail.problemWith(DOMAIN, "plan", Service.PLANNER, "g-1", VALUE, byGuardrail))
        .get(STRING)
        .contains("signed by GUARDRAIL", "but only PLANNER writes plan");

    assertThat(
            guardrail.problemWith(
                DOMAIN, "plan", Service.PLANNER, "g-1", VALUE, new RecordHeaders()))
        .contains("not signed: plan takes events signed by its writer, PLANNER");

    // Too short to be an Ed25519 signature, and not base64 at all.
    for (String signature : new String[] {"AAAA", "!!"}) {
      Headers headers = new RecordHeaders();
      planner.sign(DOMAIN, "plan", "g-1", VALUE, headers);
      headers.remove(SwitchboardHeaders.SIGNATURE);
      headers.add(SwitchboardHeaders.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
      assertThat(guardrail.problemWith(DOMAIN, "plan", Service.PLANNER, "g-1", VALUE, headers))
          .get(STRING)
          .startsWith("unreadable signature");
    }
  }

  @Test
  void shouldMakeAndTakeTheSameSignaturesAsTheJdksEd25519() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance(EventKeys.ALGORITHM).generateKeyPair();
    String keyId = EventKeys.keyIdOf(Service.PLANNER, pair.getPublic());
    WriterSignatures signatures =
        new WriterSignatures(
            Service.PLANNER,
            keyId,
            pair.getPrivate(),
            Map.of(keyId, new EventKeys.TrustedKey(keyId, Service.PLANNER, pair.getPublic())));
    Headers headers = new RecordHeaders();
    signatures.sign(DOMAIN, "plan", "g-1", VALUE, headers);
    byte[] ours =
        Base64.getDecoder().decode(headers.lastHeader(SwitchboardHeaders.SIGNATURE).value());

    Signature jdk = Signature.getInstance(EventKeys.ALGORITHM);
    jdk.initSign(pair.getPrivate());
    jdk.update(signedBytes("plan", "g-1"));
    byte[] theJdks = jdk.sign();
    // Ed25519 is deterministic: the same key and message give the same signature.
    assertThat(ours).isEqualTo(theJdks);

    Signature verifier = Signature.getInstance(EventKeys.ALGORITHM);
    verifier.initVerify(pair.getPublic());
    verifier.update(signedBytes("plan", "g-1"));
    assertThat(verifier.verify(ours)).isTrue();
  }

  @Test
  void shouldRefuseAKeyThatIsNotEd25519() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

    assertThatThrownBy(
            () ->
                new WriterSignatures(
                    Service.PLANNER,
                    "k",
                    null,
                    Map.of("k", new EventKeys.TrustedKey("k", Service.PLANNER, rsa.getPublic()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trusted key 'k' is not an Ed25519 public key");
    assertThatThrownBy(() -> new WriterSignatures(Service.PLANNER, "k", rsa.getPrivate(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the event-signing key is not an Ed25519 private key");
  }

  @Test
  void shouldNeverShowAKeyInItsText() {
    assertThat(planner.toString()).startsWith("WriterSignatures[PLANNER signs with planner");
    assertThat(planner.toString()).doesNotContain("SigningKeyBytes[").doesNotContain("=");
  }

  private static byte[] signedBytes(String topic, String key) {
    String head = DOMAIN + "\n" + topic + "\n" + key + "\n";
    byte[] prefix = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + VALUE.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(VALUE, 0, all, prefix.length, VALUE.length);
    return all;
  }
}
