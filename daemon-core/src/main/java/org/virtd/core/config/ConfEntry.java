package org.virtd.core.config;

/**
 * One {@code name = value} assignment of a virConf file with the line its value started on,
 * kept so that type errors can name file, line and key.
 */
public record ConfEntry(String name, ConfValue value, int line) {
}
