package org.virtd.qemu.cpu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host CPU as the CPUID instruction describes it to this process (as libvirt reads it), or,
 * where the instruction cannot be run, through the kernel's {@code /dev/cpu/0/cpuid} (file
 * offset = leaf | subleaf << 32, 16 bytes eax ebx ecx edx); when the CPU has
 * IA32_ARCH_CAPABILITIES, {@code /dev/cpu/0/msr}: the bits of every cpu_map feature the CPU has,
 * its vendor and family/model/stepping. Empty when neither is there.
 */
public final class HostCpuid {
    public static final Path DEVICE = Path.of("/dev/cpu/0/cpuid");
    private static final Path MSR = Path.of("/dev/cpu/0/msr");

    /** One CPUID leaf: eax, ebx, ecx, edx. */
    private interface Leaves {
        long[] raw(long leaf, long sub) throws IOException;
    }

    /** The decoded data with what capabilities print besides it. */
    public record Host(X86Decoder.CpuData data, int stepping) {
    }

    private final Map<String, long[]> leaves = new HashMap<>();
    private final Leaves source;
    private final long maxBasic;
    private final long maxExtended;

    private HostCpuid(Leaves source) throws IOException {
        this.source = source;
        this.maxBasic = source.raw(0, 0)[0];
        this.maxExtended = source.raw(0x80000000L, 0)[0];
    }

    public static Optional<X86Decoder.CpuData> read(CpuMap map) {
        return host(map).map(Host::data);
    }

    public static Optional<Host> host(CpuMap map) {
        Optional<CpuidInstruction> insn = CpuidInstruction.load();
        if (insn.isPresent()) {
            try {
                return Optional.of(new HostCpuid(insn.get()::call).describe(map));
            } catch (IOException | RuntimeException e) {
                // fall back to the kernel's view
            }
        }
        if (!Files.exists(DEVICE)) {
            return Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(DEVICE.toFile(), "r")) {
            return Optional.of(new HostCpuid((leaf, sub) -> fromDevice(f, leaf, sub)).describe(map));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Host describe(CpuMap map) throws IOException {
        long eax = leaf(1, 0)[0];
        return new Host(data(map), (int) (eax & 0xf));
    }

    private X86Decoder.CpuData data(CpuMap map) throws IOException {
        CpuBits bits = CpuBits.empty();
        for (X86Feature f : map.features()) {
            boolean all = true;
            for (String key : f.bits().view()) {
                if (!has(key)) {
                    all = false;
                    break;
                }
            }
            if (all && !f.bits().isEmpty()) {
                bits.add(f.bits());
            }
        }
        long[] l0 = leaf(0, 0);
        String vendorString = new String(le(l0[1], l0[3], l0[2]), StandardCharsets.US_ASCII);
        long eax = leaf(1, 0)[0];
        int family = (int) (((eax >> 20) & 0xff) + ((eax >> 8) & 0xf));
        int model = (int) (((eax >> 12) & 0xf0) + ((eax >> 4) & 0xf));
        return new X86Decoder.CpuData(bits, map.vendorOfString(vendorString).orElse(null), family, model);
    }

    /** Whether the bit a cpu_map key names is set on this CPU. */
    private boolean has(String key) throws IOException {
        String[] p = key.split(":");
        if (p[0].equals("cpuid")) {
            long[] r = leaf(Long.parseLong(p[1]), Long.parseLong(p[2]));
            int reg = switch (p[3]) {
                case "eax" -> 0;
                case "ebx" -> 1;
                case "ecx" -> 2;
                default -> 3;
            };
            return (r[reg] & (1L << Integer.parseInt(p[4]))) != 0;
        }
        long msr = msr(Long.parseLong(p[1]));
        int shift = p[2].equals("edx") ? 32 : 0;
        return (msr & (1L << (shift + Integer.parseInt(p[3])))) != 0;
    }

    private long[] leaf(long leaf, long sub) throws IOException {
        boolean valid = leaf < 0x80000000L ? leaf <= maxBasic : leaf <= maxExtended;
        if (!valid) {
            return new long[4];
        }
        return leaves.computeIfAbsent(leaf + ":" + sub, k -> {
            try {
                return source.raw(leaf, sub);
            } catch (IOException e) {
                return new long[4];
            }
        });
    }

    private static long[] fromDevice(RandomAccessFile dev, long leaf, long sub) throws IOException {
        byte[] b = new byte[16];
        dev.seek(leaf | (sub << 32));
        dev.readFully(b);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new long[] {bb.getInt() & 0xffffffffL, bb.getInt() & 0xffffffffL, bb.getInt() & 0xffffffffL,
            bb.getInt() & 0xffffffffL};
    }

    private final Map<Long, Long> msrs = new HashMap<>();

    private long msr(long index) {
        return msrs.computeIfAbsent(index, i -> {
            try (RandomAccessFile f = new RandomAccessFile(MSR.toFile(), "r")) {
                byte[] b = new byte[8];
                f.seek(i);
                f.readFully(b);
                return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
            } catch (IOException | RuntimeException e) {
                return 0L;
            }
        });
    }

    private static byte[] le(long... regs) {
        ByteBuffer bb = ByteBuffer.allocate(4 * regs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long r : regs) {
            bb.putInt((int) r);
        }
        return bb.array();
    }
}
