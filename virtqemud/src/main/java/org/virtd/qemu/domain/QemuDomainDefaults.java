package org.virtd.qemu.domain;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainDef.ClockDef;
import org.virtd.conf.domain.DomainDef.CpuDef;
import org.virtd.conf.domain.DomainDef.Lifecycle;
import org.virtd.conf.domain.DomainDef.OsDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * libvirt's QEMU post-parse step for a parsed definition (qemu-driver.md §2, §3): checks virt
 * type, os type, arch and machine against the {@link GuestEmulators}, fills what define
 * stores (uuid, canonical machine, boot device, cpu, clock, lifecycle actions, emulator,
 * implicit devices and addresses) and rejects what the qemu driver does not support.
 */
public final class QemuDomainDefaults {

    private static final Set<String> QEMU_VIRT_TYPES = Set.of("qemu", "kvm");

    private final GuestEmulators caps;
    private final RandomGenerator random;

    public QemuDomainDefaults(GuestEmulators caps, RandomGenerator random) {
        this.caps = caps;
        this.random = random;
    }

    public DomainDef apply(DomainDef def) throws VirtException {
        String arch = def.os().arch() == null ? caps.hostArch() : def.os().arch();
        String emulator = def.devices().emulator() != null ? def.devices().emulator() : caps.emulator(arch);
        if (emulator == null) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED, "No emulator found for arch '" + arch + "'");
        }
        if (!QEMU_VIRT_TYPES.contains(def.type())) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "Emulator '" + emulator + "' does not support virt type '" + def.type() + "'");
        }
        if (!def.os().type().equals("hvm")) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "Emulator '" + emulator + "' does not support os type '" + def.os().type() + "'");
        }
        String machine = caps.canonicalMachine(arch, def.os().machine());
        if (machine == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "No PCI buses available");
        }
        Lifecycle lifecycle = lifecycle(def.lifecycle());
        OsDef os = def.os();
        os = new OsDef(os.type(), arch, machine, os.kernel(), os.initrd(), os.cmdline(),
                os.bootDevices().isEmpty() ? List.of("hd") : os.bootDevices(), os.bootMenu(), os.smbiosMode(),
                os.firmware());
        requireAcpiForUefi(def, arch);
        long current = def.currentMemoryKiB() == 0 || def.currentMemoryKiB() > def.memoryKiB()
                ? def.memoryKiB() : def.currentMemoryKiB();
        UUID uuid = def.uuid() != null ? def.uuid() : new UUID((random.nextLong() & ~0xf000L) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        ClockDef clock = def.clock() == null ? new ClockDef("utc", List.of())
                : new ClockDef(def.clock().offset() == null ? "utc" : def.clock().offset(), def.clock().timers());
        DomainDef out = new DomainDef(def.type(), def.name(), uuid, def.title(), def.description(),
                def.memoryKiB(), current, def.vcpus(), os, def.features(), withTopology(cpu(def.cpu()), def.cpu()),
                clock, lifecycle, def.devices(), def.metadata(), def.cputune(), def.sysinfo(), def.tuning(),
                def.seclabel());
        return out.withDevices(new QemuDeviceDefaults(machine, random).apply(out.devices(), emulator));
    }

    /** UEFI on x86 needs ACPI tables (libvirt's qemu validation of the definition). */
    private static void requireAcpiForUefi(DomainDef def, String arch) throws VirtException {
        boolean efi = def.os().firmware() != null && ("efi".equals(def.os().firmware().firmware())
                || def.os().firmware().loader() != null && "pflash".equals(def.os().firmware().loader().type()));
        boolean acpi = def.features() != null && def.features().stream().anyMatch(f -> f.name().equals("acpi"));
        if (efi && !acpi && (arch.equals("x86_64") || arch.equals("i686"))) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED, "UEFI requires ACPI on this architecture");
        }
    }

    /** A given topology is kept, with the one die per socket libvirt fills in. */
    /** The given topology (dies at least 1) and the given features on the filled-in CPU. */
    private static CpuDef withTopology(CpuDef filled, CpuDef given) {
        if (given == null || given.topology() == null && given.features().isEmpty()) {
            return filled;
        }
        DomainDef.Topology t = given.topology();
        return new CpuDef(filled.mode(), filled.match(), filled.check(), filled.migratable(), filled.model(),
                filled.fallback(), t == null ? null
                        : new DomainDef.Topology(t.sockets(), Math.max(t.dies(), 1), t.cores(), t.threads()),
                given.features());
    }

    private static CpuDef cpu(CpuDef cpu) {
        if (cpu == null || (cpu.mode() == null && cpu.model() == null)) {
            return new CpuDef("custom", "exact", "none", null, "qemu64", "forbid");
        }
        String mode = cpu.mode() == null ? "custom" : cpu.mode();
        return switch (mode) {
            case "host-passthrough" -> new CpuDef(mode, null, or(cpu.check(), "none"), or(cpu.migratable(), "on"),
                    null, null);
            case "host-model" -> new CpuDef(mode, null, or(cpu.check(), "partial"), cpu.migratable(), null, null);
            case "maximum" -> new CpuDef(mode, null, or(cpu.check(), "none"), cpu.migratable(), null, null);
            default -> new CpuDef(mode, or(cpu.match(), "exact"), or(cpu.check(), "none"), null,
                    or(cpu.model(), "qemu64"), or(cpu.fallback(), cpu.model() == null ? "forbid" : "allow"));
        };
    }

    private static Lifecycle lifecycle(Lifecycle lc) throws VirtException {
        String poweroff = or(lc.onPoweroff(), "destroy");
        String reboot = or(lc.onReboot(), "restart");
        String crash = or(lc.onCrash(), "destroy");
        if (poweroff.equals("preserve") || reboot.equals("preserve")) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "qemu driver doesn't support the 'preserve' action for 'on_reboot'/'on_poweroff'");
        }
        if (poweroff.equals("rename-restart") || reboot.equals("rename-restart") || crash.equals("rename-restart")) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED, "qemu driver doesn't support the 'rename-restart' action "
                    + "for 'on_reboot'/'on_poweroff'/'on_crash'");
        }
        if (reboot.equals("destroy") && poweroff.equals("restart")) {
            throw qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "qemu driver doesn't support 'onReboot' set to 'destroy and 'onPoweroff' set to 'reboot'");
        }
        return lc.withActions(poweroff, reboot, crash);
    }

    static VirtException qemu(ErrorCode code, String detail) {
        return new VirtException(code, ErrorDomain.QEMU, detail);
    }

    private static String or(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
