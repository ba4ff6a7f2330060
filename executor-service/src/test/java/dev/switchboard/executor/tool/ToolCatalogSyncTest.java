package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import dev.switchboard.edge.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ToolCatalogSyncTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final List<String> writes = new ArrayList<>();
  private final AtomicBoolean kafkaDown = new AtomicBoolean();
  private MutableClock clock = new MutableClock(T0);
  private final ToolCatalogSync sync =
      new ToolCatalogSync(
          new ToolCatalogSync.Sink() {
            @Override
            public void publish(ToolEntry entry) {
              failIfDown();
              writes.add("publish " + entry.name() + " @" + entry.updatedAt());
            }

            @Override
            public void remove(String name) {
              failIfDown();
              writes.add("remove " + name);
            }
          },
          clock);

  @Test
  void shouldPublishNewToolsOnceAndChangedOnesAgain() {
    assertThat(sync.sync(List.of(lookup("Looks up"), send()), Set.of())).isTrue();
    clock.setTo(T0.plusSeconds(60));
    sync.sync(List.of(lookup("Looks up"), send()), Set.of());
    sync.sync(List.of(lookup("Looks up an account"), send()), Set.of());

    assertThat(writes)
        .containsExactly(
            "publish crm.lookup_account @" + T0,
            "publish email.send @" + T0,
            "publish crm.lookup_account @" + T0.plusSeconds(60));
  }

  @Test
  void shouldTombstoneAToolThatIsGone() {
    sync.sync(List.of(lookup("Looks up"), send()), Set.of());
    writes.clear();

    sync.sync(List.of(lookup("Looks up")), Set.of());

    assertThat(writes).containsExactly("remove email.send");
    assertThat(sync.published()).containsOnlyKeys("crm.lookup_account");
  }

  @Test
  void shouldKeepTheToolsOfAServerThatHasNotAnsweredYet() {
    sync.startFrom(
        Map.of(
            "email.send", send().entry(T0),
            "old.tool",
                new ToolDescriptor("old.tool", "", null, Annotations.CAUTIOUS, false, "gone")
                    .entry(T0)));

    sync.sync(List.of(), Set.of("sales"));

    assertThat(writes).containsExactly("remove old.tool");
    assertThat(sync.published()).containsOnlyKeys("email.send");
  }

  @Test
  void shouldNotRewriteWhatTheTopicHadAtStartUnchanged() {
    sync.startFrom(Map.of("email.send", send().entry(T0.minusSeconds(3600))));

    sync.sync(List.of(send()), Set.of());

    assertThat(writes).isEmpty();
    assertThat(sync.published().get("email.send").updatedAt()).isEqualTo(T0.minusSeconds(3600));
  }

  @Test
  void shouldTryAgainAfterAFailedWrite() {
    kafkaDown.set(true);

    assertThat(sync.sync(List.of(send()), Set.of())).isFalse();
    assertThat(sync.behind()).isTrue();

    kafkaDown.set(false);
    assertThat(sync.sync(List.of(send()), Set.of())).isTrue();
    assertThat(sync.behind()).isFalse();
    assertThat(writes).containsExactly("publish email.send @" + T0);
  }

  private void failIfDown() {
    if (kafkaDown.get()) {
      throw new IllegalStateException("could not write: broker down");
    }
  }

  private static ToolDescriptor lookup(String description) {
    return new ToolDescriptor(
        "crm.lookup_account", description, null, Annotations.READ_ONLY, true, "sales");
  }

  private static ToolDescriptor send() {
    return new ToolDescriptor(
        "email.send", "Sends", null, new Annotations(false, false, false, true), true, "sales");
  }
}
