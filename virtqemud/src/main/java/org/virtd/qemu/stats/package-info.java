/**
 * What the statistics calls read from a domain (libvirt's qemuDomainGetStats* and the
 * per-domain stats APIs): block counters and sizes, balloon and RSS, vCPU times and affinity,
 * and the typed-parameter groups of getAllDomainStats. Readers only: the running half
 * ({@code lifecycle}) owns the processes and monitors.
 */
package org.virtd.qemu.stats;
