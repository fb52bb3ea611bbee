package org.virtd.rpc.program;

/** libvirt's {@code @priority} annotation: HIGH calls may use the priority workers when all others are busy. */
public enum Priority {
    LOW,
    HIGH
}
