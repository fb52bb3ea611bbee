package org.virtd.vbox.manage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where VBoxManage is (issue 12): a configured path first, then {@code $PATH}, then the
 * directories VirtualBox's packages install into (the same list libvirt searches for its SDK,
 * vbox-driver.md §1, plus the macOS bundle).
 */
public final class ManageLocator {
    static final String PROGRAM = "VBoxManage";
    static final List<String> INSTALL_DIRS = List.of("/usr/lib/virtualbox", "/usr/lib/virtualbox-ose",
            "/usr/lib64/virtualbox", "/usr/lib64/virtualbox-ose", "/usr/lib/VirtualBox", "/opt/virtualbox",
            "/opt/VirtualBox", "/Applications/VirtualBox.app/Contents/MacOS");

    private ManageLocator() {
    }

    /**
     * @param configured the {@code vbox_manage} setting, or null
     * @param pathEnv    {@code $PATH}, or null
     * @param appHome    {@code $VBOX_APP_HOME} / {@code $VBOX_INSTALL_PATH}, or null
     */
    public static Optional<Path> find(String configured, String pathEnv, String appHome) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return executable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (pathEnv != null) {
            for (String dir : pathEnv.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, PROGRAM));
                }
            }
        }
        if (appHome != null && !appHome.isBlank()) {
            candidates.add(Path.of(appHome, PROGRAM));
        }
        INSTALL_DIRS.forEach(d -> candidates.add(Path.of(d, PROGRAM)));
        return candidates.stream().filter(ManageLocator::executable).findFirst();
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
