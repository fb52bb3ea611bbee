package org.virtd.qemu.lifecycle;

import org.virtd.core.driver.DriverContext;

import java.nio.file.Path;

/**
 * Where the running half keeps its files (qemu-driver.md §1): status files, pid files, the id
 * file and the autostart marker in {@code <run>/qemu}; per-domain dirs (monitor socket, HOME)
 * in {@code <state>/qemu}; per-domain logs in {@code <log>/qemu}.
 */
public record LifecycleDirs(Path run, Path lib, Path log) {

    public static LifecycleDirs of(DriverContext ctx) {
        return new LifecycleDirs(ctx.runDir().resolve("qemu"), ctx.stateDir().resolve("qemu"),
                ctx.logDir().resolve("qemu"));
    }

    /** {@code domain-ID-SHORT}, SHORT being the first 20 characters of the name. */
    public Path domainDir(int id, String name) {
        String shortName = name.length() > 20 ? name.substring(0, 20) : name;
        return lib.resolve("domain-" + id + "-" + shortName);
    }

    public Path logFile(String name) {
        return log.resolve(name + ".log");
    }

    public Path autostartMarker() {
        return run.resolve("autostarted");
    }

    public Path idFile() {
        return run.resolve("next-id");
    }
}
