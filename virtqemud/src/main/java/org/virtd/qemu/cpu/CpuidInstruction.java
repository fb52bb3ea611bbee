package org.virtd.qemu.cpu;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.Optional;

/**
 * The CPUID instruction run by this process, as libvirt runs it: where a hypervisor or sandbox
 * answers user space differently from the kernel's {@code /dev/cpu/N/cpuid}, the user-space
 * answer is the one libvirtd decodes. Java cannot issue the instruction, so a few bytes of x86-64
 * code are put in an executable page and called through JNA.
 */
final class CpuidInstruction {
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int PROT_EXEC = 4;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096;

    /** void cpuid(uint32 leaf, uint32 subleaf, uint32 out[4]) in the System V x86-64 convention. */
    private static final byte[] CODE = {
        0x53,                                     // push rbx (callee-saved, CPUID writes it)
        (byte) 0x89, (byte) 0xf8,                 // mov eax, edi
        (byte) 0x89, (byte) 0xf1,                 // mov ecx, esi
        0x49, (byte) 0x89, (byte) 0xd0,           // mov r8, rdx
        0x31, (byte) 0xdb,                        // xor ebx, ebx (libvirt clears the other inputs too)
        0x31, (byte) 0xd2,                        // xor edx, edx
        0x0f, (byte) 0xa2,                        // cpuid
        0x41, (byte) 0x89, 0x00,                  // mov [r8], eax
        0x41, (byte) 0x89, 0x58, 0x04,            // mov [r8+4], ebx
        0x41, (byte) 0x89, 0x48, 0x08,            // mov [r8+8], ecx
        0x41, (byte) 0x89, 0x50, 0x0c,            // mov [r8+12], edx
        0x5b,                                     // pop rbx
        (byte) 0xc3,                              // ret
    };

    interface LibC extends Library {
        Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

        int mprotect(Pointer addr, long length, int prot);
    }

    private final Function function;

    private CpuidInstruction(Function function) {
        this.function = function;
    }

    /** Empty off x86-64 or where no executable page can be had. */
    static Optional<CpuidInstruction> load() {
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
            return Optional.empty();
        }
        try {
            LibC libc = Native.load("libc.so.6", LibC.class);
            Pointer page = libc.mmap(null, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (page == null || Pointer.nativeValue(page) == -1L) {
                return Optional.empty();
            }
            page.write(0, CODE, 0, CODE.length);
            if (libc.mprotect(page, PAGE, PROT_READ | PROT_EXEC) != 0) {
                return Optional.empty();
            }
            return Optional.of(new CpuidInstruction(Function.getFunction(page)));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** eax, ebx, ecx, edx of {@code leaf}/{@code subleaf}, unsigned. */
    long[] call(long leaf, long subleaf) {
        try (Memory out = new Memory(16)) {
            function.invokeVoid(new Object[] {(int) leaf, (int) subleaf, out});
            long[] r = new long[4];
            for (int i = 0; i < 4; i++) {
                r[i] = out.getInt(4L * i) & 0xffffffffL;
            }
            return r;
        }
    }
}
