package dev.switchboard.contracts.catalog;

import dev.switchboard.contracts.Service;

/**
 * A compacted catalog topic: its base name (before the configurable prefix), the type of its
 * entries and the one service that writes it. Keys are the entries' names.
 */
public record CatalogTopic<E extends CatalogEntry>(
    String baseName, Class<E> valueType, Service writer) {}
