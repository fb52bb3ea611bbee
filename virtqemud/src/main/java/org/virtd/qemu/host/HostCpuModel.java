package org.virtd.qemu.host;

import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.HostCpuid;
import org.virtd.qemu.cpu.X86Decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host CPU of the capabilities: CPUID decoded against the CPU map as a host CPU (the model
 * needing no disabled feature with the fewest extra ones), its signature and the physical
 * address width the kernel reports. Read once; empty without CPUID data or a CPU map.
 */
final class HostCpuModel {
    private static final Pattern PHYS_BITS = Pattern.compile("address sizes\\s*:\\s*(\\d+) bits physical");

    record Model(X86Decoder.Decoded decoded, int family, int model, int stepping, int physAddrBits) {
    }

    private static volatile Optional<Model> cached;

    private HostCpuModel() {
    }

    static Optional<Model> get() {
        Optional<Model> m = cached;
        if (m == null) {
            m = decode(CpuMap.installed());
            cached = m;
        }
        return m;
    }

    static Optional<Model> decode(CpuMap map) {
        return HostCpuid.host(map).flatMap(h -> Optional.ofNullable(new X86Decoder(map).decode(h.data(), null, false))
                .map(d -> new Model(d, h.data().family(), h.data().model(), h.stepping(), physAddrBits())));
    }

    /** 0 when /proc/cpuinfo does not say. */
    private static int physAddrBits() {
        try {
            Matcher m = PHYS_BITS.matcher(Files.readString(Path.of("/proc/cpuinfo")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
