package org.virtd.vbox.mapping;

import java.util.ArrayList;
import java.util.List;

/** {@code VBoxManage sharedfolder add|remove} for a {@code <filesystem type='mount'>}. */
public final class SharedFolders {
    private SharedFolders() {
    }

    /** Adds {@code s} to machine {@code id} (its settings, so the machine must be powered off). */
    public static List<String> add(String id, VBoxDevices.Share s) {
        List<String> a = new ArrayList<>(List.of("sharedfolder", "add", id, "--name", s.name(), "--hostpath",
                s.hostPath()));
        if (s.readonly()) {
            a.add("--readonly");
        }
        return a;
    }

    public static List<String> remove(String id, String name) {
        return List.of("sharedfolder", "remove", id, "--name", name);
    }
}
