package org.virtd.vbox.manage;

import java.util.UUID;

/**
 * One machine as {@code showvminfo --machinereadable} describes it: the facts every call needs
 * typed out, the whole document kept for the XML mapping. An inaccessible machine has only name
 * {@code <inaccessible>} and its UUID.
 */
public record MachineInfo(String name, UUID uuid, MachineState state, long memoryMiB, int cpus, String settingsFile,
                          KeyValues keys) {

    public static MachineInfo of(KeyValues kv) {
        UUID uuid = null;
        try {
            uuid = UUID.fromString(kv.get("UUID", ""));
        } catch (IllegalArgumentException e) {
            // left null: such a document describes no machine we can address
        }
        return new MachineInfo(kv.get("name", ""), uuid, MachineState.of(kv.get("VMState")),
                kv.number("memory", 0), (int) kv.number("cpus", 1), kv.get("CfgFile"), kv);
    }

    public boolean accessible() {
        return uuid != null && !MachineEntry.INACCESSIBLE.equals(name);
    }
}
