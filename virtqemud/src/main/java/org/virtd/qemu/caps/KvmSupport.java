package org.virtd.qemu.caps;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether KVM can be used on this host: {@code /dev/kvm} opens read-write (what QEMU needs for
 * {@code accel=kvm}), and whether a hardware virtualisation module ({@code kvm_intel} or
 * {@code kvm_amd}) is loaded. The second matters on hosts whose /dev/kvm is served by an
 * emulating module such as {@code kvm_pvm}, where guests run far slower than with TCG
 * (shared/guest/README.md "KVM"): libvirt still lists domain type kvm there, but a driver
 * choosing an accelerator for type-agnostic work should prefer TCG.
 */
public record KvmSupport(boolean deviceUsable, boolean hardwareModule) {
    public static final Path DEVICE = Path.of("/dev/kvm");
    public static final Path SYS_MODULE = Path.of("/sys/module");

    public static KvmSupport detect() {
        return detect(DEVICE, SYS_MODULE);
    }

    public static KvmSupport detect(Path device, Path sysModule) {
        return new KvmSupport(opensReadWrite(device),
                Files.isDirectory(sysModule.resolve("kvm_intel")) || Files.isDirectory(sysModule.resolve("kvm_amd")));
    }

    private static boolean opensReadWrite(Path device) {
        if (!Files.exists(device)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(device.toFile(), "rw")) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** /dev/kvm usable and backed by real hardware virtualisation. */
    public boolean fast() {
        return deviceUsable && hardwareModule;
    }
}
