package org.virtd.qemu.caps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.error.VirtException;

/**
 * The QEMU side of the host's capabilities (libvirt's {@code virCaps} guests, qemu-driver.md §9):
 * one {@link GuestCapabilities} per probed emulator (first one wins per arch), the host arch and
 * KVM availability, and the machine-alias resolution domain XML needs
 * ({@code pc} → {@code pc-i440fx-7.2}, {@code q35} → {@code pc-q35-7.2}). Immutable; build one
 * with {@link #load} at driver start-up (cheap when the probe cache is warm).
 */
public record HostCapabilities(String hostArch, KvmSupport kvm, List<GuestCapabilities> guests) {
    private static final Logger LOG = LoggerFactory.getLogger(HostCapabilities.class);

    public HostCapabilities {
        guests = List.copyOf(guests);
    }

    /** Probes (or reads from cache) every emulator; one that fails to probe is logged and left out. */
    public static HostCapabilities load(QemuProbe probe, List<Path> emulators) {
        String host = hostArchOf(System.getProperty("os.arch"));
        List<GuestCapabilities> guests = new ArrayList<>();
        for (Path emulator : emulators) {
            try {
                EmulatorCapabilities caps = probe.capabilities(emulator);
                if (guests.stream().noneMatch(g -> g.arch().equals(caps.arch()))) {
                    guests.add(new GuestCapabilities(caps, domainTypes(caps, host, probe.kvm())));
                }
            } catch (VirtException e) {
                LOG.warn("leaving out emulator {}: {}", emulator, e.getMessage());
            }
        }
        return new HostCapabilities(host, probe.kvm(), guests);
    }

    static List<String> domainTypes(EmulatorCapabilities caps, String hostArch, KvmSupport kvm) {
        boolean native64 = caps.arch().equals(hostArch);
        boolean compat32 = hostArch.equals("x86_64") && caps.arch().equals("i686")
                || hostArch.equals("aarch64") && caps.arch().equals("armv7l");
        return kvm.deviceUsable() && caps.kvmEnabled() && (native64 || compat32) ? List.of("qemu", "kvm") : List.of("qemu");
    }

    /** libvirt's arch name for a JVM {@code os.arch} value. */
    public static String hostArchOf(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            case "arm" -> "armv7l";
            default -> osArch;
        };
    }

    public Optional<GuestCapabilities> guest(String arch) {
        return guests.stream().filter(g -> g.arch().equals(arch)).findFirst();
    }

    /** Guest for {@code arch}, or for the host arch when {@code arch} is null. */
    public Optional<GuestCapabilities> guestOrHost(String arch) {
        return guest(arch == null ? hostArch : arch);
    }

    /**
     * The canonical machine type for {@code machineOrAlias} on {@code arch} (null arch = host
     * arch; null/empty machine = the default machine). Unknown names and arches come back
     * unchanged, as libvirt leaves them for validation to reject.
     */
    public String canonical(String arch, String machineOrAlias) {
        return guestOrHost(arch).map(g -> g.emulator().canonical(machineOrAlias)).orElse(machineOrAlias);
    }

    /** The default machine's canonical name for {@code arch}, if an emulator for it exists. */
    public Optional<String> defaultMachine(String arch) {
        return guestOrHost(arch).map(g -> g.emulator().defaultMachine());
    }

    public boolean supportsMachine(String arch, String machineOrAlias) {
        return guestOrHost(arch).flatMap(g -> g.emulator().machine(machineOrAlias)).isPresent();
    }

    public boolean supportsDomainType(String arch, String type) {
        return guestOrHost(arch).map(g -> g.domainTypes().contains(type)).orElse(false);
    }

    public Optional<Path> emulator(String arch) {
        return guestOrHost(arch).map(GuestCapabilities::emulatorPath);
    }

    /** libvirt's hypervisor version ({@code virConnectGetVersion}): the host arch's emulator's. */
    public long version() {
        return guestOrHost(null).map(g -> g.emulator().version()).orElse(0L);
    }
}
