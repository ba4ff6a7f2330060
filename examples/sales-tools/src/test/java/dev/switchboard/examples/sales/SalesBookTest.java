package dev.switchboard.examples.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SalesBookTest {
  private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path dir;

  @Test
  void shouldKnowTheSampleAccountsByNameIdOrMention() throws Exception {
    SalesBook book = book();

    assertThat(book.lookupAccount("acme").accountId()).isEqualTo("acct-acme");
    assertThat(book.lookupAccount(" acct-globex ").name()).isEqualTo("Globex");
    assertThat(book.lookupAccount("Tell Initech about the new pricing").name())
        .isEqualTo("Initech");
    assertThat(book.lookupAccount("Umbrella").status()).isEqualTo("customer");
    assertThat(book.lookupAccount("ACME").status()).isEqualTo("prospect");
  }

  @Test
  void shouldRefuseAnAccountItDoesNotKnowOrCannotTellApart() {
    SalesBook book = book();

    assertThatThrownBy(() -> book.lookupAccount("Hooli"))
        .isInstanceOf(SalesRefusal.class)
        .hasMessage("no account named 'Hooli'");
    assertThatThrownBy(() -> book.lookupAccount("ACME or Globex"))
        .hasMessage("no account named 'ACME or Globex'");
    assertThatThrownBy(() -> book.lookupAccount(" ")).hasMessage("argument 'account' is required");
  }

  @Test
  void shouldFindTheContactOfAnAccount() throws Exception {
    SalesBook book = book();

    SalesData.Contact pat = book.findContact("acct-acme", null);
    assertThat(pat.name()).isEqualTo("Pat Lee");
    assertThat(pat.email()).isEqualTo("pat.lee@acme.example");
    assertThat(book.findContact("acct-initech", "cto").name()).isEqualTo("Lee Chen");
    // A role is a preference: without a match, the account's main contact.
    assertThat(book.findContact("acct-acme", "head of sales").name()).isEqualTo("Pat Lee");
    assertThatThrownBy(() -> book.findContact("acct-hooli", null))
        .hasMessage("no account with id 'acct-hooli'");
  }

  @Test
  void shouldDraftWithoutStoringAnything() throws Exception {
    Map<String, Object> draft =
        SalesBook.draft(
            "pat.lee@acme.example",
            "Pat Lee",
            "VP Operations",
            "ACME",
            "Manufacturing",
            "Tell ACME about the new pricing");

    assertThat(draft)
        .containsEntry("to", "pat.lee@acme.example")
        .containsEntry("subject", "Following up with ACME");
    assertThat((String) draft.get("body"))
        .startsWith("Hello Pat Lee,")
        .contains("following up on: Tell ACME about the new pricing.")
        .contains("to you, VP Operations, at ACME in manufacturing.");
    assertThat(draft.get("draft_id"))
        .isEqualTo(
            SalesBook.draft(
                    "pat.lee@acme.example",
                    "Pat Lee",
                    "VP Operations",
                    "ACME",
                    "Manufacturing",
                    "Tell ACME about the new pricing")
                .get("draft_id"));
    assertThat((String) SalesBook.draft("a@b.example", "Ann", null, "Initech", "", "x").get("body"))
        .contains("to you at Initech.");
    assertThatThrownBy(() -> SalesBook.draft("pat", "Pat", null, "ACME", null, "x"))
        .hasMessage("argument 'to' is not an email address: pat");
  }

  @Test
  void shouldSendOncePerKeyAndAnswerARepeatAsTheFirstTime() throws Exception {
    SalesBook book = book();

    Map<String, Object> first = book.send("g-1/step-4", "pat.lee@acme.example", "Hi", "Hello");
    Map<String, Object> again = book.send("g-1/step-4", "pat.lee@acme.example", "Hi", "Hello");
    book.send("g-2/step-4", "pat.lee@acme.example", "Hi", "Hello");

    assertThat(again).isEqualTo(first);
    assertThat(book.data().emails()).hasSize(2);
    assertThat(keyRow(book, "g-1/step-4"))
        .containsEntry("tool", "email.send")
        .containsEntry("calls", 2)
        .containsEntry("effects", 1L);
  }

  @Test
  void shouldSendAgainWhenThereIsNoKey() throws Exception {
    SalesBook book = book();

    book.send(null, "pat.lee@acme.example", "Hi", "Hello");
    book.send(null, "pat.lee@acme.example", "Hi", "Hello");

    assertThat(book.data().emails()).hasSize(2);
    assertThat(book.ledger(null).get("idempotencyKeys"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .isEmpty();
  }

  @Test
  void shouldLogActivitiesAndFollowUpsOncePerKey() throws Exception {
    SalesBook book = book();

    Map<String, Object> logged =
        book.logActivity("k-1", "acct-acme", "pat.lee@acme.example", "Email", "Sent the pricing");
    book.logActivity("k-1", "acct-acme", "pat.lee@acme.example", "email", "Sent the pricing");
    Map<String, Object> onDate =
        book.scheduleFollowup(
            "k-2", "acct-acme", "pat.lee@acme.example", null, "2026-05-04", "Call");
    Map<String, Object> later =
        book.scheduleFollowup("k-3", null, "pat.lee@acme.example", "P3D", null, "Call Pat");

    assertThat(logged).containsEntry("kind", "email").containsEntry("account_id", "acct-acme");
    assertThat(logged.get("activity_id")).asString().startsWith("act-");
    assertThat(book.data().activities()).hasSize(1);
    assertThat(onDate).containsEntry("when", "2026-05-04");
    assertThat(later).containsEntry("when", "2026-04-04").containsEntry("note", "Call Pat");
    assertThat(later.get("event_id")).asString().startsWith("evt-");
    assertThatThrownBy(() -> book.logActivity("k-4", "acct-acme", null, "fax", "x"))
        .hasMessage("kind must be one of [email, call, meeting, note], not 'fax'");
    assertThatThrownBy(() -> book.logActivity("k-4", "acct-acme", "pat", "note", "x"))
        .hasMessage("argument 'contact' is not an email address: pat");
    assertThatThrownBy(
            () ->
                book.scheduleFollowup("k-5", null, "pat.lee@acme.example", null, "next week", "x"))
        .hasMessageStartingWith("argument 'when' must be a date");
    assertThatThrownBy(
            () -> book.scheduleFollowup("k-5", null, "pat.lee@acme.example", "soon", null, "x"))
        .hasMessage("argument 'after' must be an ISO-8601 period (P3D, P1W): soon");
    assertThatThrownBy(
            () -> book.scheduleFollowup("k-5", null, "pat.lee@acme.example", null, null, "x"))
        .hasMessage("argument 'after' or 'when' is required");
  }

  @Test
  void shouldKeepEverythingAcrossARestart() throws Exception {
    SalesBook before = book();
    Map<String, Object> sent = before.send("g-1/step-4", "pat.lee@acme.example", "Hi", "Hello");
    before.logActivity("g-1/log", "acct-acme", null, "email", "Sent");

    SalesBook after = book();

    assertThat(after.data().emails()).hasSize(1);
    assertThat(after.data().activities()).hasSize(1);
    assertThat(after.send("g-1/step-4", "pat.lee@acme.example", "Hi", "Hello")).isEqualTo(sent);
    assertThat(after.data().emails()).hasSize(1);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
        .containsExactly(SalesBook.FILE);
  }

  @Test
  void shouldShowOneKeyOnItsOwn() throws Exception {
    SalesBook book = book();
    book.send("a", "pat.lee@acme.example", "Hi", "Hello");
    book.send("b", "sam.rivera@globex.example", "Hi", "Hello");

    Map<String, Object> ledger = book.ledger("b");

    assertThat((List<?>) ledger.get("emails")).hasSize(1);
    assertThat((List<?>) ledger.get("idempotencyKeys")).hasSize(1);
  }

  private SalesBook book() {
    return new SalesBook(dir, mapper, clock);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> keyRow(SalesBook book, String key) {
    return ((List<Map<String, Object>>) book.ledger(key).get("idempotencyKeys")).getFirst();
  }
}
