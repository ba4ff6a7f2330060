package dev.switchboard.planner.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents the planner can run: the current spec of each agent, from its source, and every
 * version ever loaded, by content hash. At start every file must be valid; later a file that turns
 * invalid keeps its last good version, so a typo never takes an agent away or half-changes it.
 */
public final class AgentLibrary {
  private static final Logger log = LoggerFactory.getLogger(AgentLibrary.class);

  private final SpecSource source;
  private final AgentSpecParser parser;
  private final SpecVersions versions;
  private volatile Snapshot snapshot;

  /** The current specs, by the file they came from and by agent name. */
  private record Snapshot(Map<String, LoadedSpec> bySource, Map<String, LoadedSpec> byName) {}

  /**
   * What a reload changed.
   *
   * @param changed specs that are new or have new content, now current
   * @param removed agents whose file is gone
   * @param problems why files were not taken; their agents keep their last good version
   */
  public record Reload(List<LoadedSpec> changed, List<String> removed, List<SpecProblem> problems) {
    public boolean isEmpty() {
      return changed.isEmpty() && removed.isEmpty() && problems.isEmpty();
    }
  }

  private AgentLibrary(SpecSource source, AgentSpecParser parser, SpecVersions versions) {
    this.source = source;
    this.parser = parser;
    this.versions = versions;
  }

  /**
   * Reads every spec of the source; nothing is kept yet (see {@link #keepCurrentVersions()}).
   *
   * @throws InvalidSpecException naming every problem of every file, when any file is invalid
   */
  public static AgentLibrary load(
      SpecSource source, AgentSpecParser parser, SpecVersions versions) {
    AgentLibrary library = new AgentLibrary(source, parser, versions);
    Parsed parsed = library.parseAll(Map.of());
    if (!parsed.problems().isEmpty()) {
      throw new InvalidSpecException(parsed.problems());
    }
    library.snapshot = parsed.snapshot();
    log.info("loaded agents {} from {}", String.join(", ", library.names()), source.describe());
    return library;
  }

  /** Makes the loaded versions durable, so goals that start with them find them after a restart. */
  public void keepCurrentVersions() {
    snapshot.byName().values().forEach(versions::keep);
  }

  /** Reads the source again and takes the files that changed and are valid. */
  public synchronized Reload reload() {
    Snapshot before = snapshot;
    Parsed parsed = parseAll(before.bySource());
    Snapshot after = parsed.snapshot();
    List<LoadedSpec> changed = new ArrayList<>();
    for (LoadedSpec spec : after.byName().values()) {
      LoadedSpec old = before.byName().get(spec.name());
      if (old == null || !old.contentHash().equals(spec.contentHash())) {
        versions.keep(spec);
        changed.add(spec);
      }
    }
    List<String> removed =
        before.byName().keySet().stream().filter(n -> !after.byName().containsKey(n)).toList();
    snapshot = after;
    Reload reload = new Reload(changed, removed, parsed.problems());
    changed.forEach(
        spec ->
            log.info(
                "agent '{}' now runs {} from {}", spec.name(), spec.contentHash(), spec.source()));
    removed.forEach(name -> log.info("agent '{}' was removed: its spec file is gone", name));
    return reload;
  }

  public Optional<LoadedSpec> current(String name) {
    return Optional.ofNullable(snapshot.byName().get(name));
  }

  /** A version by content hash: a current one, or one kept earlier (by any planner instance). */
  public Optional<LoadedSpec> version(String contentHash) {
    for (LoadedSpec spec : snapshot.byName().values()) {
      if (spec.contentHash().equals(contentHash)) {
        return Optional.of(spec);
      }
    }
    return versions.find(contentHash);
  }

  public List<String> names() {
    return List.copyOf(new TreeMap<>(snapshot.byName()).keySet());
  }

  public List<LoadedSpec> all() {
    return List.copyOf(new TreeMap<>(snapshot.byName()).values());
  }

  public SpecSource source() {
    return source;
  }

  private record Parsed(Snapshot snapshot, List<SpecProblem> problems) {}

  /** Each file parsed on its own; an invalid one keeps what {@code previous} had for it. */
  private Parsed parseAll(Map<String, LoadedSpec> previous) {
    SortedMap<String, String> files = source.read();
    Map<String, LoadedSpec> bySource = new LinkedHashMap<>();
    List<SpecProblem> problems = new ArrayList<>();
    files.forEach(
        (file, content) -> {
          LoadedSpec old = previous.get(file);
          if (old != null && old.content().equals(content)) {
            bySource.put(file, old);
            return;
          }
          try {
            bySource.put(file, parser.parse(file, content));
          } catch (InvalidSpecException e) {
            problems.addAll(e.problems());
            if (old != null) {
              bySource.put(file, old);
            }
          }
        });
    // A name claimed by two files: the file that had it before keeps it, else the first by path.
    List<Map.Entry<String, LoadedSpec>> ordered = new ArrayList<>();
    bySource.entrySet().stream().filter(e -> hadSameName(previous, e)).forEach(ordered::add);
    bySource.entrySet().stream().filter(e -> !hadSameName(previous, e)).forEach(ordered::add);
    Map<String, LoadedSpec> byName = new HashMap<>();
    Map<String, LoadedSpec> kept = new LinkedHashMap<>();
    for (Map.Entry<String, LoadedSpec> entry : ordered) {
      LoadedSpec spec = entry.getValue();
      LoadedSpec other = byName.putIfAbsent(spec.name(), spec);
      if (other != null) {
        problems.add(
            new SpecProblem(
                entry.getKey(),
                0,
                0,
                "name",
                "agent '" + spec.name() + "' is defined in " + other.source() + " already"));
      } else {
        kept.put(entry.getKey(), spec);
      }
    }
    return new Parsed(new Snapshot(Map.copyOf(kept), Map.copyOf(byName)), problems);
  }

  private static boolean hadSameName(
      Map<String, LoadedSpec> previous, Map.Entry<String, LoadedSpec> entry) {
    LoadedSpec old = previous.get(entry.getKey());
    return old != null && old.name().equals(entry.getValue().name());
  }
}
