package org.virtd.units.model;

/**
 * A template set that cannot produce a unit: bad syntax, an unknown section, an extra that adds a
 * section its base lacks, or an undefined variable. Mirrors the build abort of libvirt's unit merge
 * (spec/systemd-units.md §2); the message names the file, line or variable at fault.
 */
public class UnitBuildException extends Exception {

    public UnitBuildException(String message) {
        super(message);
    }
}
