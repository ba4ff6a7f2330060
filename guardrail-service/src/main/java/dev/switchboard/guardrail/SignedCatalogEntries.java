package dev.switchboard.guardrail;

import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.CatalogTopic;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which records of a catalog topic the guardrail believes: those its one writer signed (the
 * executor for {@code tools}, the planner for {@code agents}). A forged {@code tools} entry that
 * calls {@code email.send} read-only would let the policy allow it without a person; it is ignored
 * instead, and the tool's facts stay as they were.
 */
final class SignedCatalogEntries {
  private static final Logger log = LoggerFactory.getLogger(SignedCatalogEntries.class);

  private final CatalogTopic<?> catalog;
  private final WriterSignatures signatures;
  private final AtomicLong refused = new AtomicLong();

  SignedCatalogEntries(CatalogTopic<?> catalog, WriterSignatures signatures) {
    this.catalog = catalog;
    this.signatures = signatures;
  }

  /** Whether the entry (or tombstone, a null value) counts; logs and counts one that does not. */
  boolean believes(String name, byte[] value, Headers headers) {
    Optional<String> problem =
        signatures.problemWith(
            WriterSignatures.CATALOG_DOMAIN,
            catalog.baseName(),
            catalog.writer(),
            name,
            value,
            headers);
    if (problem.isEmpty()) {
      return true;
    }
    refused.incrementAndGet();
    log.warn(
        "ignoring the {} {} of '{}': {}",
        catalog.baseName(),
        value == null ? "tombstone" : "entry",
        name,
        problem.get());
    return false;
  }

  CatalogTopic<?> catalog() {
    return catalog;
  }

  /** How many entries and tombstones were ignored since start (restores count again). */
  long refused() {
    return refused.get();
  }
}
