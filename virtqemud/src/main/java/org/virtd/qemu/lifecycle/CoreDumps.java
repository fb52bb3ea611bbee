package org.virtd.qemu.lifecycle;

import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.Checks;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.config.ImageFormat;
import org.virtd.qemu.config.QemuConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * virDomainCoreDump(WithFormat) (libvirt's qemuDomainCoreDumpWithFormat): a memory-only dump is
 * QEMU's {@code dump-guest-memory} (ELF, or a kdump/win-dmp format QEMU reports it can write);
 * a full dump is the guest's migration stream (compressed per qemu.conf's dump_image_format).
 * Unless LIVE, the guest is paused meanwhile and resumed after; CRASH then stops it as crashed,
 * RESET resets it. A failed dump removes its file.
 */
public final class CoreDumps {
    public static final int CRASH = 1;
    public static final int LIVE = 2;
    public static final int BYPASS_CACHE = 4;
    public static final int RESET = 8;
    public static final int MEMORY_ONLY = 16;
    /** virDomainCoreDumpFormat numbers → QEMU's dump-guest-memory format names. */
    private static final List<String> FORMATS = List.of("elf", "kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp");

    private final DomainLifecycle lifecycle;
    private final DomainControl control;
    private final Supplier<QemuConf> conf;

    CoreDumps(DomainLifecycle lifecycle, DomainControl control, Supplier<QemuConf> conf) {
        this.lifecycle = lifecycle;
        this.control = control;
        this.conf = conf;
    }

    /** qemu.conf's {@code dump_image_format}: how full (not memory-only) dumps are compressed. */
    private ImageFormat dumpFormat() {
        return Compressors.forDump(conf.get().dumpImageFormat());
    }

    public void dump(DomainObject dom, Path file, int format, int flags) throws VirtException {
        Checks.flags(flags, CRASH | LIVE | BYPASS_CACHE | RESET | MEMORY_ONLY, "qemuDomainCoreDumpWithFormat",
                ErrorDomain.QEMU);
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            QmpClient monitor = DomainControl.monitor(rd);
            String qemuFormat = memoryFormat(monitor, format, flags);
            boolean paused = false;
            if ((flags & LIVE) == 0 && dom.state() == DomainStates.RUNNING) {
                JobPause.pause(lifecycle, rd, DomainStates.PAUSED_DUMP);
                paused = true;
            }
            try {
                if ((flags & MEMORY_ONLY) != 0) {
                    memoryOnly(monitor, file, qemuFormat, rd);
                } else {
                    ImageWriter.bareStream(file, dumpFormat(), MigrationWait.limitFor(rd.live().memoryKiB()))
                            .write(monitor, 1L << 50);
                }
            } finally {
                if ((flags & CRASH) == 0) {
                    after(dom, rd, monitor, paused, (flags & RESET) != 0);
                }
            }
            if ((flags & CRASH) != 0) {
                rd.destroying = true;
                rd.process().terminate(false);
                lifecycle.stop(rd, DomainStates.SHUTOFF_CRASHED, DomainStates.STOPPED_CRASHED);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * The memory-only ELF dump a panicked guest with on_crash='coredump-*' leaves in qemu.conf's
     * auto_dump_path, named as libvirt names it: {@code <id>-<short name>-<local time>}. The
     * caller holds the domain's lock.
     */
    void autoDump(RunningDomain rd) throws VirtException {
        Path dir = conf.get().autoDumpPath();
        String domName = rd.domain().name();
        String name = rd.id() + "-" + (domName.length() > 20 ? domName.substring(0, 20) : domName);
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw createError(dir.resolve(name + "-" + now), e.getMessage());
        }
        memoryOnly(DomainControl.monitor(rd), dir.resolve(name + "-" + now), "elf", rd);
    }

    private void after(DomainObject dom, RunningDomain rd, QmpClient monitor, boolean paused, boolean reset)
            throws VirtException {
        if (reset) {
            monitor.execute("system_reset", null);
        }
        if (paused && !rd.stopped) {
            JobPause.resume(lifecycle, rd, DomainStates.RUNNING_UNPAUSED);
        }
    }

    /** The dump-guest-memory format for {@code format}, checked against what QEMU can write. */
    private static String memoryFormat(QmpClient monitor, int format, int flags) throws VirtException {
        if (format < 0 || format >= FORMATS.size()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unknown dumpformat '" + format + "'");
        }
        if ((flags & MEMORY_ONLY) == 0) {
            if (format != 0) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "kdump-compressed format is only supported with memory-only dump");
            }
            return null;
        }
        String name = FORMATS.get(format);
        if (format != 0) {
            JsonValue caps = monitor.execute("query-dump-guest-memory-capability", null);
            JsonArray list = caps instanceof JsonObject o ? o.array("formats") : null;
            boolean supported = list != null && list.values().contains(new JsonString(name));
            if (!supported) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "unsupported dumpformat '" + name + "' for this QEMU binary");
            }
        }
        return name;
    }

    private static final String DUMP_FD = "dump";

    private static void memoryOnly(QmpClient monitor, Path file, String format, RunningDomain rd)
            throws VirtException {
        create(file);
        // the daemon opens the file and passes it, as libvirt does: a confined QEMU could not open it
        try (java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
            monitor.executeWithFd("getfd", JsonObject.of("fdname", DUMP_FD), out.getFD());
            monitor.execute("dump-guest-memory", JsonObject.of("paging", false, "protocol", "fd:" + DUMP_FD,
                    "detach", true, "format", format));
            MigrationWait.dump(monitor, MigrationWait.limitFor(rd.live().memoryKiB()));
        } catch (VirtException | RuntimeException e) {
            discard(file);
            throw e;
        } catch (IOException e) {
            discard(file);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot write dump file '" + file + "': " + e.getMessage());
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Creates the dump file with mode 0600 (QEMU truncates and keeps the mode), with libvirt's error. */
    private static void create(Path file) throws VirtException {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw createError(file, ErrnoText.of(e));
        }
    }

    private static VirtException createError(Path file, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                "Failed to create file '" + file + "': " + why);
    }
}
