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
    assertThat(book.lookupAccount("Umbrella").industry()).isEqualTo("Pharmaceuticals");
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
    assertThatThrownBy(() -> book.findContact("acct-initech", "janitor"))
        .hasMessage("no contact at Initech with role 'janitor'");
    assertThatThrownBy(() -> book.findContact("acct-hooli", null))
        .hasMessage("no account with id 'acct-hooli'");
  }

  @Test
  void shouldDraftWithoutStoringAnything() throws Exception {
    Map<String, Object> draft =
        SalesBook.draft(
            "pat.lee@acme.example", "Pat Lee", "ACME", "Tell ACME about the new pricing");

    assertThat(draft)
        .containsEntry("to", "pat.lee@acme.example")
        .containsEntry("subject", "Following up with ACME");
    assertThat((String) draft.get("body"))
        .startsWith("Hello Pat Lee,")
        .contains("following up on: Tell ACME about the new pricing.");
    assertThat(draft.get("draftId"))
        .isEqualTo(
            SalesBook.draft(
                    "pat.lee@acme.example", "Pat Lee", "ACME", "Tell ACME about the new pricing")
                .get("draftId"));
    assertThatThrownBy(() -> SalesBook.draft("pat", "Pat", "ACME", "x"))
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
        book.logActivity("k-1", "acct-acme", "ct-pat-lee", "Email", "Sent the pricing");
    book.logActivity("k-1", "acct-acme", "ct-pat-lee", "email", "Sent the pricing");
    Map<String, Object> scheduled =
        book.scheduleFollowup("k-2", "acct-acme", "pat.lee@acme.example", "2026-05-04", "Call Pat");

    assertThat(logged).containsEntry("type", "email").containsEntry("accountId", "acct-acme");
    assertThat(book.data().activities()).hasSize(1);
    assertThat(scheduled).containsEntry("when", "2026-05-04");
    assertThatThrownBy(() -> book.logActivity("k-3", "acct-acme", null, "fax", "x"))
        .hasMessage("type must be one of [email, call, meeting, note], not 'fax'");
    assertThatThrownBy(() -> book.logActivity("k-3", "acct-acme", "ct-nobody", "note", "x"))
        .hasMessage("no contact with id 'ct-nobody'");
    assertThatThrownBy(() -> book.scheduleFollowup("k-4", "acct-acme", null, "next week", "x"))
        .hasMessageStartingWith("argument 'when' must be a date");
  }

  @Test
  void shouldKeepEverythingAcrossARestart() throws Exception {
    SalesBook before = book();
    Map<String, Object> sent = before.send("g-1/step-4", "pat.lee@acme.example", "Hi", "Hello");
    before.logActivity("g-1/step-5", "acct-acme", null, "email", "Sent");

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
