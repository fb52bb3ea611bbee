package org.virtd.qemu.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.GuestCapabilities;
import org.virtd.qemu.caps.HostCapabilities;
import org.virtd.qemu.caps.MachineType;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.domcaps.DomainCapsXml;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CpuModelNames;
import org.virtd.rpc.remote.types.DomainCapabilitiesArgs;

/**
 * Connection-level CPU and domain-capability calls: which emulator, arch, machine and
 * virtualisation type a domcapabilities request means (with libvirt's errors for each wrong
 * selector), and the CPU model names libvirt's CPU map knows for an arch.
 */
final class HostCpuHandlers {
    /** libvirt's virDomainVirtType names; "none" means "the default". */
    private static final List<String> VIRT_TYPES = List.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");
    /** libvirt's virArch names. */
    private static final Set<String> ARCHES = Set.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
            "ia64", "lm32", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc",
            "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x",
            "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

    /** Something that can answer with the host's capabilities. */
    interface CapsSource {
        HostCapabilities get() throws VirtException;
    }

    /** Probes (or reads from the cache) an emulator named by the caller. */
    interface EmulatorSource {
        EmulatorCapabilities get(Path emulator) throws VirtException;
    }

    private final CapsSource caps;
    private final EmulatorSource emulators;

    HostCpuHandlers(CapsSource caps, EmulatorSource emulators) {
        this.caps = caps;
        this.emulators = emulators;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_GET_DOMAIN_CAPABILITIES, (c, a) -> domainCapabilities(a));
        t.on(RemoteProgram.CONNECT_GET_CPU_MODEL_NAMES, (c, a) -> {
            flags(a.flags(), "qemuConnectGetCPUModelNames");
            List<String> names = modelNames(a.arch());
            return new CpuModelNames(a.needResults() != 0 ? names : List.of(), names.size());
        });
    }

    CpuMap cpuMap() {
        return CpuMap.installed();
    }

    List<String> modelNames(String arch) throws VirtException {
        if (arch == null || !ARCHES.contains(arch)) {
            throw invalid("cannot find architecture " + arch);
        }
        return switch (arch) {
            case "x86_64", "i686" -> cpuMap().modelNames("x86");
            case "ppc64", "ppc64le" -> cpuMap().modelNames("ppc64");
            case "aarch64", "armv6l", "armv7l", "armv7b", "s390", "s390x" -> List.of();
            default -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.CPU,
                    "'" + arch + "' architecture is not supported by CPU driver");
        };
    }

    String domainCapabilities(DomainCapabilitiesArgs a) throws VirtException {
        flags(a.flags(), "qemuConnectGetDomainCapabilities");
        Selection s = select(a.emulatorbin(), a.arch(), a.machine(), a.virttype());
        int maxVcpus = s.emulator().machine(s.machine()).map(MachineType::maxCpus).orElse(1);
        return new DomainCapsXml(cpuMap()).format(s.emulator(), s.arch(), s.virtType(), s.machine(), maxVcpus);
    }

    /** The emulator, virtualisation type and canonical machine a request's selectors mean. */
    record Selection(EmulatorCapabilities emulator, String arch, String virtType, String machine) {
        String accel() {
            return virtType.equals("kvm") ? "kvm" : "tcg";
        }
    }

    /** libvirt's lookup of the emulator a request means, with its errors for each wrong selector. */
    Selection select(String emulatorbin, String arch, String machineName, String virtTypeName) throws VirtException {
        String virtType = virtTypeName;
        if (virtType != null && !VIRT_TYPES.contains(virtType)) {
            throw invalid("unknown virttype: " + virtType);
        }
        if (arch != null && !ARCHES.contains(arch)) {
            throw invalid("unknown architecture: " + arch);
        }
        HostCapabilities host = caps.get();
        EmulatorCapabilities emu = emulator(host, emulatorbin, arch);
        boolean kvmUsable = host.kvm().deviceUsable() && emu.kvmEnabled()
                && HostCapabilitiesView.kvmArch(host.hostArch(), emu.arch());
        if (virtType == null || virtType.equals("none")) {
            virtType = kvmUsable ? "kvm" : "qemu";
        }
        boolean supported = virtType.equals("qemu") || virtType.equals("kvm") && kvmUsable;
        if (!supported) {
            String accel = virtType.equals("kvm") ? "kvm" : virtType.equals("hvf") ? "hvf" : "tcg";
            throw invalid("the accel '" + accel + "' is not supported by '" + emu.emulator() + "' on this host");
        }
        String machine;
        if (machineName != null) {
            machine = emu.canonical(machineName);
            if (emu.machine(machine).isEmpty()) {
                throw invalid("the machine '" + machine + "' is not supported by emulator '" + emu.emulator() + "'");
            }
        } else {
            machine = emu.defaultMachine();
        }
        return new Selection(emu, arch == null ? emu.arch() : arch, virtType, machine);
    }

    private EmulatorCapabilities emulator(HostCapabilities host, String binary, String arch) throws VirtException {
        if (binary != null) {
            Path p = Path.of(binary);
            if (!Files.exists(p)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "Cannot check QEMU binary " + binary + ": No such file or directory");
            }
            EmulatorCapabilities emu = host.guests().stream().map(GuestCapabilities::emulator)
                    .filter(e -> e.emulator().equals(p)).findFirst().orElse(null);
            if (emu == null) {
                try {
                    emu = emulators.get(p);
                } catch (VirtException e) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                            "Failed to start QEMU binary " + binary + " for probing: " + e.error().detail());
                }
            }
            if (arch != null && !family(emu.arch()).equals(family(arch))) {
                throw invalid("architecture from emulator '" + emu.arch() + "' doesn't match given architecture '"
                        + arch + "'");
            }
            String wanted = arch == null ? host.hostArch() : arch;
            if (!servesArch(emu.arch(), wanted)) {
                throw invalid("Emulator '" + binary + "' does not support arch '" + wanted + "'");
            }
            return emu;
        }
        String want = arch == null ? host.hostArch() : arch;
        return host.guest(want).map(GuestCapabilities::emulator).orElseThrow(() -> new VirtException(
                ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "unable to find any emulator to serve '" + want + "' architecture"));
    }

    /** The arch family a selector must share with the emulator's arch before its support is even asked. */
    private static String family(String arch) {
        if (arch.equals("i686") || arch.equals("x86_64")) {
            return "x86";
        } else if (arch.startsWith("arm") || arch.equals("aarch64")) {
            return "arm";
        } else if (arch.startsWith("ppc")) {
            return "ppc";
        } else if (arch.startsWith("s390")) {
            return "s390";
        }
        return arch;
    }

    /** Whether an emulator for {@code emulatorArch} also runs guests of {@code arch} (64-bit ones run 32-bit guests). */
    private static boolean servesArch(String emulatorArch, String arch) {
        return emulatorArch.equals(arch) || emulatorArch.equals("x86_64") && arch.equals("i686")
                || emulatorArch.equals("aarch64") && arch.equals("armv7l")
                || emulatorArch.equals("ppc64") && (arch.equals("ppc") || arch.equals("ppc64le"));
    }

    private static VirtException invalid(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, detail);
    }

    private static void flags(int flags, String function) throws VirtException {
        Checks.flags(flags, 0, function, ErrorDomain.QEMU);
    }

    /** Which guest arches KVM can run on which host arch (the same rule capabilities XML uses). */
    static final class HostCapabilitiesView {
        private HostCapabilitiesView() {
        }

        static boolean kvmArch(String hostArch, String guestArch) {
            return guestArch.equals(hostArch) || hostArch.equals("x86_64") && guestArch.equals("i686")
                    || hostArch.equals("aarch64") && guestArch.equals("armv7l");
        }
    }
}
