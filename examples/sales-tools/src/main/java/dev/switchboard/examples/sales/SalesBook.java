package dev.switchboard.examples.sales;

import dev.switchboard.examples.sales.SalesData.Account;
import dev.switchboard.examples.sales.SalesData.Activity;
import dev.switchboard.examples.sales.SalesData.Contact;
import dev.switchboard.examples.sales.SalesData.Followup;
import dev.switchboard.examples.sales.SalesData.KeyUse;
import dev.switchboard.examples.sales.SalesData.SentEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRM, mailbox and calendar behind the tools, kept in one JSON file that is rewritten
 * atomically after every change, so a restart (or a crash) loses nothing written. Changes carry an
 * idempotency key: a second call with a key already used changes nothing and answers as the first.
 * Results use the field names the agent specs of {@code examples/sales/agents} read.
 */
final class SalesBook {
  static final String FILE = "sales-book.json";
  static final List<String> ACTIVITY_KINDS = List.of("email", "call", "meeting", "note");
  private static final Logger log = LoggerFactory.getLogger(SalesBook.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private final Path file;
  private final JsonMapper mapper;
  private final Clock clock;
  private SalesData data;

  SalesBook(Path dataDir, JsonMapper mapper, Clock clock) {
    this.file = dataDir.resolve(FILE);
    this.mapper = mapper;
    this.clock = clock;
    this.data = load();
  }

  private SalesData load() {
    if (!Files.exists(file)) {
      log.info("no {} yet: starting with the sample accounts", file);
      SalesData seeded = SalesData.seeded();
      write(seeded);
      return seeded;
    }
    try {
      return mapper.readValue(file.toFile(), SalesData.class);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  synchronized SalesData data() {
    return data;
  }

  // ---- read-only -------------------------------------------------------------------------

  /**
   * The account named (any case) or with this id; else the one account whose name is a word of the
   * text ("Tell Initech about the new pricing").
   */
  synchronized Account lookupAccount(String query) throws SalesRefusal {
    String wanted = required(query, "account").strip();
    for (Account account : data.accounts()) {
      if (account.name().equalsIgnoreCase(wanted) || account.accountId().equalsIgnoreCase(wanted)) {
        return account;
      }
    }
    List<Account> mentioned =
        data.accounts().stream()
            .filter(
                account ->
                    Pattern.compile(
                            "\\b" + Pattern.quote(account.name()) + "\\b", Pattern.CASE_INSENSITIVE)
                        .matcher(wanted)
                        .find())
            .toList();
    if (mentioned.size() == 1) {
      return mentioned.getFirst();
    }
    throw new SalesRefusal("no account named '" + wanted + "'");
  }

  /**
   * The account's contact whose title has the role in it; with no such contact (or no role), its
   * main contact: a role is a preference, not a filter.
   */
  synchronized Contact findContact(String accountId, String role) throws SalesRefusal {
    Account account = account(required(accountId, "account_id"));
    List<Contact> contacts =
        data.contacts().stream().filter(c -> c.accountId().equals(account.accountId())).toList();
    if (contacts.isEmpty()) {
      throw new SalesRefusal("account " + account.name() + " has no contacts");
    }
    if (role == null || role.isBlank()) {
      return contacts.getFirst();
    }
    String wanted = role.strip().toLowerCase(Locale.ROOT);
    return contacts.stream()
        .filter(c -> c.title().toLowerCase(Locale.ROOT).contains(wanted))
        .findFirst()
        .orElse(contacts.getFirst());
  }

  synchronized String accountName(String accountId) {
    return data.accounts().stream()
        .filter(a -> a.accountId().equals(accountId))
        .findFirst()
        .map(Account::name)
        .orElse(accountId);
  }

  /** A draft only: nothing is stored or sent. */
  static Map<String, Object> draft(
      String to, String name, String title, String account, String industry, String goal)
      throws SalesRefusal {
    String address = email(to, "to");
    String person = required(name, "name").strip();
    String company = required(account, "account").strip();
    String about = required(goal, "goal").strip();
    String role = title == null || title.isBlank() ? "" : ", " + title.strip() + ",";
    String field =
        industry == null || industry.isBlank()
            ? ""
            : " in " + industry.strip().toLowerCase(Locale.ROOT);
    String body =
        "Hello "
            + person
            + ",\n\nfollowing up on: "
            + about
            + ".\n\nI am writing to you"
            + role
            + " at "
            + company
            + field
            + ".\n\nBest regards,\nThe Switchboard sales team";
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("to", address);
    draft.put("subject", "Following up with " + company);
    draft.put("body", body);
    draft.put(
        "draft_id",
        "draft-"
            + UUID.nameUUIDFromBytes(
                (address + "\n" + draft.get("subject") + "\n" + body)
                    .getBytes(StandardCharsets.UTF_8)));
    return draft;
  }

  // ---- changes ---------------------------------------------------------------------------

  synchronized Map<String, Object> send(String key, String to, String subject, String body)
      throws SalesRefusal {
    String address = email(to, "to");
    String title = required(subject, "subject");
    String text = required(body, "body");
    return once(
        "email.send",
        key,
        now -> {
          SentEmail sent =
              new SentEmail(idFor("msg", "email.send", key), address, title, text, now, key);
          data = with(data, d -> d.emails().add(sent));
          log.info("sent email {} to {} (key {})", sent.messageId(), address, key);
          return result(
              "message_id", sent.messageId(), "delivered_to", address, "sent_at", now.toString());
        });
  }

  synchronized Map<String, Object> logActivity(
      String key, String accountId, String contact, String kind, String summary)
      throws SalesRefusal {
    Account account = account(required(accountId, "account_id"));
    String address = contact == null || contact.isBlank() ? null : email(contact, "contact");
    String type = required(kind, "kind").strip().toLowerCase(Locale.ROOT);
    if (!ACTIVITY_KINDS.contains(type)) {
      throw new SalesRefusal("kind must be one of " + ACTIVITY_KINDS + ", not '" + kind + "'");
    }
    String what = required(summary, "summary");
    return once(
        "crm.log_activity",
        key,
        now -> {
          Activity activity =
              new Activity(
                  idFor("act", "crm.log_activity", key),
                  account.accountId(),
                  address,
                  type,
                  what,
                  now,
                  key);
          data = with(data, d -> d.activities().add(activity));
          log.info("logged {} on {} (key {})", type, account.name(), key);
          return result(
              "activity_id",
              activity.activityId(),
              "account_id",
              account.accountId(),
              "kind",
              type,
              "logged_at",
              now.toString());
        });
  }

  /**
   * @param after when, from today (UTC): an ISO-8601 period such as {@code P3D}; else {@code when}
   * @param when a date ({@code 2026-05-04}) or a date-time with offset
   */
  synchronized Map<String, Object> scheduleFollowup(
      String key, String accountId, String contact, String after, String when, String note)
      throws SalesRefusal {
    String accountOf =
        accountId == null || accountId.isBlank() ? null : account(accountId).accountId();
    String address = email(contact, "contact");
    String at = time(after, when);
    String what = required(note, "note");
    return once(
        "calendar.schedule_followup",
        key,
        now -> {
          Followup followup =
              new Followup(
                  idFor("evt", "calendar.schedule_followup", key),
                  accountOf,
                  address,
                  at,
                  what,
                  now,
                  key);
          data = with(data, d -> d.followups().add(followup));
          return result(
              "event_id", followup.eventId(), "contact", address, "when", at, "note", what);
        });
  }

  /**
   * Runs a change at most once per key of this tool; a repeat answers with the first result and is
   * only counted. Without a key the change runs every time.
   */
  private Map<String, Object> once(
      String tool, String key, Function<Instant, Map<String, Object>> change) {
    Instant now = clock.instant();
    if (key != null) {
      for (int i = 0; i < data.keys().size(); i++) {
        KeyUse use = data.keys().get(i);
        if (use.tool().equals(tool) && use.key().equals(key)) {
          List<KeyUse> keys = new ArrayList<>(data.keys());
          keys.set(i, use.again(now));
          data = replaceKeys(data, keys);
          write(data);
          log.info("{} with key {} again: nothing new ({} calls)", tool, key, use.calls() + 1);
          return use.result();
        }
      }
    }
    Map<String, Object> result = change.apply(now);
    if (key != null) {
      List<KeyUse> keys = new ArrayList<>(data.keys());
      keys.add(new KeyUse(tool, key, 1, now, now, result));
      data = replaceKeys(data, keys);
    }
    write(data);
    return result;
  }

  /** What was sent and changed, and per key how often it was asked for and how often it acted. */
  synchronized Map<String, Object> ledger(String onlyKey) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(
        "emails",
        data.emails().stream().filter(e -> matches(onlyKey, e.idempotencyKey())).toList());
    view.put(
        "activities",
        data.activities().stream().filter(a -> matches(onlyKey, a.idempotencyKey())).toList());
    view.put(
        "followups",
        data.followups().stream().filter(f -> matches(onlyKey, f.idempotencyKey())).toList());
    List<Map<String, Object>> keys = new ArrayList<>();
    for (KeyUse use : data.keys()) {
      if (!matches(onlyKey, use.key())) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", use.key());
      row.put("tool", use.tool());
      row.put("calls", use.calls());
      row.put("effects", effects(use.tool(), use.key()));
      row.put("firstAt", use.firstAt().toString());
      row.put("lastAt", use.lastAt().toString());
      keys.add(row);
    }
    view.put("idempotencyKeys", keys);
    return view;
  }

  /** Counted from what is stored, not from the key's record: a double effect would show. */
  private long effects(String tool, String key) {
    return switch (tool) {
      case "email.send" ->
          data.emails().stream().filter(e -> key.equals(e.idempotencyKey())).count();
      case "crm.log_activity" ->
          data.activities().stream().filter(a -> key.equals(a.idempotencyKey())).count();
      case "calendar.schedule_followup" ->
          data.followups().stream().filter(f -> key.equals(f.idempotencyKey())).count();
      default -> 0;
    };
  }

  private static boolean matches(String onlyKey, String key) {
    return onlyKey == null || onlyKey.equals(key);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private Account account(String accountId) throws SalesRefusal {
    return data.accounts().stream()
        .filter(a -> a.accountId().equals(accountId.strip()))
        .findFirst()
        .orElseThrow(() -> new SalesRefusal("no account with id '" + accountId + "'"));
  }

  /** Derived from the key when there is one, so the id is the same whoever asks again. */
  private static String idFor(String kind, String tool, String key) {
    UUID id =
        key == null
            ? UUID.randomUUID()
            : UUID.nameUUIDFromBytes((tool + ":" + key).getBytes(StandardCharsets.UTF_8));
    return kind + "-" + id;
  }

  private static String required(String value, String name) throws SalesRefusal {
    if (value == null || value.isBlank()) {
      throw new SalesRefusal("argument '" + name + "' is required");
    }
    return value;
  }

  private static String email(String value, String name) throws SalesRefusal {
    String address = required(value, name).strip();
    if (!EMAIL.matcher(address).matches()) {
      throw new SalesRefusal("argument '" + name + "' is not an email address: " + address);
    }
    return address;
  }

  private String time(String after, String when) throws SalesRefusal {
    if (after != null && !after.isBlank()) {
      try {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            .plus(Period.parse(after.strip()))
            .toString();
      } catch (DateTimeParseException e) {
        throw new SalesRefusal(
            "argument 'after' must be an ISO-8601 period (P3D, P1W): " + after.strip());
      }
    }
    if (when == null || when.isBlank()) {
      throw new SalesRefusal("argument 'after' or 'when' is required");
    }
    String at = when.strip();
    try {
      return LocalDate.parse(at).toString();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(at).toString();
      } catch (DateTimeParseException e) {
        throw new SalesRefusal(
            "argument 'when' must be a date (2026-05-04) or a date-time with offset: " + at);
      }
    }
  }

  private static Map<String, Object> result(Object... pairs) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      result.put((String) pairs[i], pairs[i + 1]);
    }
    return result;
  }

  private static SalesData with(SalesData data, Consumer<Lists> change) {
    Lists lists = new Lists(data);
    change.accept(lists);
    return lists.build(data.keys());
  }

  private static SalesData replaceKeys(SalesData data, List<KeyUse> keys) {
    return new SalesData(
        data.accounts(), data.contacts(), data.emails(), data.activities(), data.followups(), keys);
  }

  /** Copy, change, write back. */
  private record Lists(
      List<Account> accounts,
      List<Contact> contacts,
      List<SentEmail> emails,
      List<Activity> activities,
      List<Followup> followups) {
    Lists(SalesData data) {
      this(
          data.accounts(),
          data.contacts(),
          new ArrayList<>(data.emails()),
          new ArrayList<>(data.activities()),
          new ArrayList<>(data.followups()));
    }

    SalesData build(List<KeyUse> keys) {
      return new SalesData(accounts, contacts, emails, activities, followups, keys);
    }
  }

  /** A new file next to the old one, fsynced, then moved over it: never half a file. */
  private void write(SalesData content) {
    try {
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(FILE + ".next");
      byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
      try (FileChannel channel =
          FileChannel.open(
              next,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
