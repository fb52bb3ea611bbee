package org.virtd.vbox.manage;

import java.util.UUID;

/**
 * One line of {@code list vms} / {@code list runningvms}: {@code "NAME" {UUID}}. A machine whose
 * settings cannot be read is listed as {@code <inaccessible>}; libvirt skips those everywhere.
 */
public record MachineEntry(String name, UUID uuid) {
    public static final String INACCESSIBLE = "<inaccessible>";

    public boolean accessible() {
        return !INACCESSIBLE.equals(name);
    }
}
