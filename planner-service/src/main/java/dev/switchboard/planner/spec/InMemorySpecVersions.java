package dev.switchboard.planner.spec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Spec versions kept in this process only: for tests and tools, not for a running planner. */
public final class InMemorySpecVersions implements SpecVersions {
  private final Map<String, LoadedSpec> versions = new ConcurrentHashMap<>();

  @Override
  public void keep(LoadedSpec spec) {
    versions.putIfAbsent(spec.contentHash(), spec);
  }

  @Override
  public Optional<LoadedSpec> find(String contentHash) {
    return Optional.ofNullable(versions.get(contentHash));
  }
}
