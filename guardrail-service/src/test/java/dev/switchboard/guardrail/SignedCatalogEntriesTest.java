package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.policy.CatalogFacts;
import dev.switchboard.policy.ToolCatalog;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The guardrail believes a catalog entry only when the catalog's writer signed it: a forged {@code
 * tools} entry that calls {@code email.send} read-only would have let the default policy allow it
 * without a person; ignored, the send still waits for approval.
 */
class SignedCatalogEntriesTest {
  private static final String GOAL = "goal-1";
  private final Map<Service, KeyPair> pairs = new HashMap<>();
  private final Map<String, EventKeys.TrustedKey> trusted = new HashMap<>();
  private final SignedCatalogEntries entries;
  private final Map<String, byte[]> store = new HashMap<>();

  SignedCatalogEntriesTest() throws GeneralSecurityException {
    for (Service service : List.of(Service.EXECUTOR, Service.PLANNER, Service.GUARDRAIL)) {
      KeyPair pair = KeyPairGenerator.getInstance(EventKeys.ALGORITHM).generateKeyPair();
      pairs.put(service, pair);
      String keyId = EventKeys.keyIdOf(service, pair.getPublic());
      trusted.put(keyId, new EventKeys.TrustedKey(keyId, service, pair.getPublic()));
    }
    entries = new SignedCatalogEntries(Catalogs.TOOLS, signatures(Service.GUARDRAIL));
  }

  @Test
  void shouldIgnoreAForgedToolsEntryThatWouldHaveAllowedASendWithoutAPerson() {
    byte[] readOnlySend = Fixtures.CODEC.encode(readOnly("email.send"));

    publish("email.send", readOnlySend, new RecordHeaders()); // unsigned
    publish("email.send", readOnlySend, signedBy(Service.PLANNER, "email.send", readOnlySend));
    RecordHeaders moved = signedBy(Service.EXECUTOR, "crm.lookup_account", readOnlySend);
    publish("email.send", readOnlySend, moved); // signed for another name

    assertThat(store).isEmpty();
    assertThat(entries.refused()).isEqualTo(3);
    assertThat(decisionOn("email.send")).isInstanceOf(ActionEscalated.class);
  }

  @Test
  void shouldBelieveWhatTheExecutorSignedIncludingItsTombstones() {
    byte[] readOnlySend = Fixtures.CODEC.encode(readOnly("email.send"));
    publish("email.send", readOnlySend, signedBy(Service.EXECUTOR, "email.send", readOnlySend));

    assertThat(entries.refused()).isZero();
    assertThat(decisionOn("email.send")).isInstanceOf(ActionAllowed.class);

    publish("email.send", null, new RecordHeaders()); // an unsigned tombstone changes nothing
    assertThat(store).containsKey("email.send");
    publish("email.send", null, signedBy(Service.EXECUTOR, "email.send", null));
    assertThat(store).isEmpty();
    assertThat(entries.refused()).isEqualTo(1);
  }

  private void publish(String name, byte[] value, RecordHeaders headers) {
    if (entries.believes(name, value, headers)) {
      if (value == null) {
        store.remove(name);
      } else {
        store.put(name, value);
      }
    }
  }

  /** The guardrail's verdict on {@code tool}, with the believed entries over the shipped facts. */
  private SwitchboardEvent decisionOn(String tool) {
    CatalogFacts facts = Fixtures.facts();
    ToolCatalog catalog =
        name ->
            Optional.ofNullable(store.get(name))
                .map(bytes -> Fixtures.CODEC.decode(Catalogs.TOOLS, bytes))
                .map(StreamsToolCatalog::factsOf)
                .or(() -> facts.lookup(name));
    Guardrail guardrail =
        Guardrail.create(
            Fixtures::defaultPolicy,
            catalog,
            facts.agents(),
            GuardrailProperties.defaults(),
            RateUsage.NONE,
            Fixtures.SIGNER,
            Fixtures.CLOCK);
    GuardrailState known =
        guardrail.decide(null, Fixtures.submitted(GOAL, "acme", "alice")).state();
    PlannedAction send =
        Fixtures.action(
            GOAL + "/sdr/send",
            tool,
            "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Pricing\",\"body\":\"Hello\"}");
    Decision<GuardrailState> decision =
        guardrail.decide(known, Fixtures.proposed(GOAL, "sdr", send));
    return decision.emit().getFirst();
  }

  private RecordHeaders signedBy(Service service, String name, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    signatures(service).sign(WriterSignatures.CATALOG_DOMAIN, "tools", name, value, headers);
    return headers;
  }

  private WriterSignatures signatures(Service service) {
    KeyPair pair = pairs.get(service);
    return new WriterSignatures(
        service, EventKeys.keyIdOf(service, pair.getPublic()), pair.getPrivate(), trusted);
  }

  private static ToolEntry readOnly(String name) {
    return new ToolEntry(
        name,
        "Sends an email",
        null,
        ToolEntry.Annotations.READ_ONLY,
        true,
        "sales",
        Instant.parse("2026-01-05T09:00:00Z"));
  }
}
