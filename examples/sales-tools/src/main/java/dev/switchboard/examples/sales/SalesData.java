package dev.switchboard.examples.sales;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the sales tools know, as kept in {@code sales-book.json}. */
record SalesData(
    List<Account> accounts,
    List<Contact> contacts,
    List<SentEmail> emails,
    List<Activity> activities,
    List<Followup> followups,
    List<KeyUse> keys) {

  SalesData {
    accounts = List.copyOf(accounts == null ? List.of() : accounts);
    contacts = List.copyOf(contacts == null ? List.of() : contacts);
    emails = List.copyOf(emails == null ? List.of() : emails);
    activities = List.copyOf(activities == null ? List.of() : activities);
    followups = List.copyOf(followups == null ? List.of() : followups);
    keys = List.copyOf(keys == null ? List.of() : keys);
  }

  /**
   * @param status {@code prospect} or {@code customer} (a customer's leads go to account managers)
   */
  record Account(
      String accountId,
      String name,
      String status,
      String industry,
      int employees,
      String region) {}

  record Contact(String contactId, String accountId, String name, String email, String title) {}

  record SentEmail(
      String messageId,
      String to,
      String subject,
      String body,
      Instant sentAt,
      String idempotencyKey) {}

  record Activity(
      String activityId,
      String accountId,
      String contact,
      String kind,
      String summary,
      Instant loggedAt,
      String idempotencyKey) {}

  record Followup(
      String eventId,
      String accountId,
      String contact,
      String when,
      String note,
      Instant scheduledAt,
      String idempotencyKey) {}

  /**
   * One idempotency key of a tool: how often it was asked for, and the answer of the first time
   * (what every later call with the key gets again).
   */
  record KeyUse(
      String tool,
      String key,
      int calls,
      Instant firstAt,
      Instant lastAt,
      Map<String, Object> result) {
    KeyUse again(Instant at) {
      return new KeyUse(tool, key, calls + 1, firstAt, at, result);
    }
  }

  /** The sample accounts the demo uses. */
  static SalesData seeded() {
    return new SalesData(
        List.of(
            new Account("acct-acme", "ACME", "prospect", "Manufacturing", 1200, "EMEA"),
            new Account("acct-globex", "Globex", "prospect", "Energy", 5400, "Americas"),
            new Account("acct-initech", "Initech", "prospect", "Software", 300, "Americas"),
            new Account("acct-umbrella", "Umbrella", "customer", "Pharmaceuticals", 9800, "APAC")),
        List.of(
            new Contact(
                "ct-pat-lee", "acct-acme", "Pat Lee", "pat.lee@acme.example", "VP Operations"),
            new Contact(
                "ct-sam-rivera",
                "acct-globex",
                "Sam Rivera",
                "sam.rivera@globex.example",
                "Head of Procurement"),
            new Contact(
                "ct-lee-chen", "acct-initech", "Lee Chen", "lee.chen@initech.example", "CTO"),
            new Contact(
                "ct-alex-kim",
                "acct-umbrella",
                "Alex Kim",
                "alex.kim@umbrella.example",
                "Director of Purchasing")),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
