/**
 * Logging as libvirt daemons do it (daemons.md §8): priorities 1–4, {@code log_filters} and
 * {@code log_outputs} in libvirt syntax parsed into records, precedence command line &gt;
 * environment &gt; config, libvirt's line format with the version banner first in every output,
 * and outputs to stderr, files, syslog and journald — all on logback, configured in code (no
 * logback.xml is looked up at start).
 */
package org.virtd.core.logging;
