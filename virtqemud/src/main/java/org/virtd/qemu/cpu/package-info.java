/**
 * libvirt's CPU model knowledge (the {@code cpu_map} data libvirt's client library installs):
 * model names per architecture, and for x86 the features as CPUID/MSR bits, vendors and models,
 * with the decoding that names the closest model for a set of CPU features (host-model) and the
 * comparisons behind cpu-compare and cpu-baseline.
 */
package org.virtd.qemu.cpu;
