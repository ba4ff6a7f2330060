package dev.switchboard.planner;

import dev.switchboard.planner.spec.SpecSource;
import java.util.SortedMap;
import java.util.TreeMap;

/** Spec files held in memory, changed by the test. */
final class MapSpecSource implements SpecSource {
  private final SortedMap<String, String> files = new TreeMap<>();

  MapSpecSource put(String file, String content) {
    files.put(file, content);
    return this;
  }

  MapSpecSource remove(String file) {
    files.remove(file);
    return this;
  }

  @Override
  public SortedMap<String, String> read() {
    return new TreeMap<>(files);
  }

  @Override
  public boolean changes() {
    return true;
  }

  @Override
  public String describe() {
    return "memory";
  }
}
