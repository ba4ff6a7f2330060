package dev.switchboard.planner.spec;

import java.util.Optional;

/**
 * Every spec version this planner ever loaded, by content hash, kept where a restarted (or another)
 * planner instance finds it: a goal runs the version it started with, whatever the files say now.
 */
public interface SpecVersions {

  /** Keeps a version; returns once it is durable. Keeping a known version again does nothing. */
  void keep(LoadedSpec spec);

  Optional<LoadedSpec> find(String contentHash);
}
