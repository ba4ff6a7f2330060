package dev.switchboard.handoff;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/** The agents catalog as a test lists it; {@link #loaded} false is the start-up window. */
final class ListedAgents implements KnownAgents {
  final SortedSet<String> listed = new ConcurrentSkipListSet<>();
  volatile boolean loaded = true;

  ListedAgents(String... names) {
    listed.addAll(List.of(names));
  }

  @Override
  public boolean loaded() {
    return loaded;
  }

  @Override
  public SortedSet<String> names() {
    return new TreeSet<>(listed);
  }
}
