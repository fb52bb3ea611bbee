package org.virtd.qemu.cgroup.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes eBPF instructions ({@code struct bpf_insn}: opcode, dst and src register nibbles, a
 * 16-bit offset, a 32-bit immediate; 8 bytes, little endian as on the hosts we run on) with
 * forward jumps to named labels resolved when the program is finished.
 */
final class BpfAssembler {
    static final int R0 = 0;
    static final int R1 = 1;
    static final int R2 = 2;
    static final int R6 = 6;
    static final int R7 = 7;
    static final int R8 = 8;
    static final int R9 = 9;
    /** The read-only frame pointer. */
    static final int R10 = 10;

    // opcode = operation | source | class
    static final int LDX_MEM_W = 0x61;
    static final int STX_MEM_DW = 0x7b;
    static final int LD_IMM_DW = 0x18;
    static final int ALU64_ADD_K = 0x07;
    static final int ALU64_OR_X = 0x4f;
    static final int ALU64_AND_X = 0x5f;
    static final int ALU64_LSH_K = 0x67;
    static final int ALU64_MOV_K = 0xb7;
    static final int ALU64_MOV_X = 0xbf;
    static final int ALU32_MOV_K = 0xb4;
    static final int JMP_JEQ_K = 0x15;
    static final int JMP_JNE_X = 0x5d;
    static final int JMP_CALL = 0x85;
    static final int JMP_EXIT = 0x95;
    /** src_reg of a 64-bit immediate load that the kernel turns from a map fd into the map. */
    static final int PSEUDO_MAP_FD = 1;

    private record Insn(int code, int dst, int src, int off, int imm, String target) {
    }

    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private BpfAssembler emit(int code, int dst, int src, int off, int imm) {
        insns.add(new Insn(code, dst, src, off, imm, null));
        return this;
    }

    BpfAssembler mov(int dst, int src) {
        return emit(ALU64_MOV_X, dst, src, 0, 0);
    }

    /** dst = imm, sign-extended to 64 bits. */
    BpfAssembler movImm(int dst, int imm) {
        return emit(ALU64_MOV_K, dst, 0, 0, imm);
    }

    /** dst = imm as an unsigned 32-bit value (the upper half cleared). */
    BpfAssembler movImm32(int dst, int imm) {
        return emit(ALU32_MOV_K, dst, 0, 0, imm);
    }

    /** dst = *(u32 *)(src + off) */
    BpfAssembler loadWord(int dst, int src, int off) {
        return emit(LDX_MEM_W, dst, src, off, 0);
    }

    /** *(u64 *)(dst + off) = src */
    BpfAssembler storeDouble(int dst, int off, int src) {
        return emit(STX_MEM_DW, dst, src, off, 0);
    }

    BpfAssembler addImm(int dst, int imm) {
        return emit(ALU64_ADD_K, dst, 0, 0, imm);
    }

    BpfAssembler shiftLeft(int dst, int bits) {
        return emit(ALU64_LSH_K, dst, 0, 0, bits);
    }

    BpfAssembler or(int dst, int src) {
        return emit(ALU64_OR_X, dst, src, 0, 0);
    }

    BpfAssembler and(int dst, int src) {
        return emit(ALU64_AND_X, dst, src, 0, 0);
    }

    /** dst = the map behind {@code mapFd}: a two-slot instruction. */
    BpfAssembler loadMap(int dst, int mapFd) {
        emit(LD_IMM_DW, dst, PSEUDO_MAP_FD, 0, mapFd);
        return emit(0, 0, 0, 0, 0);
    }

    BpfAssembler call(int helper) {
        return emit(JMP_CALL, 0, 0, 0, helper);
    }

    BpfAssembler exit() {
        return emit(JMP_EXIT, 0, 0, 0, 0);
    }

    /** if dst == imm goto label */
    BpfAssembler jumpIfEqual(int dst, int imm, String label) {
        insns.add(new Insn(JMP_JEQ_K, dst, 0, 0, imm, label));
        return this;
    }

    /** if dst != src goto label */
    BpfAssembler jumpIfNotEqual(int dst, int src, String label) {
        insns.add(new Insn(JMP_JNE_X, dst, src, 0, 0, label));
        return this;
    }

    /** Names the next instruction. */
    BpfAssembler label(String name) {
        if (labels.putIfAbsent(name, insns.size()) != null) {
            throw new IllegalStateException("label " + name + " defined twice");
        }
        return this;
    }

    /** The instructions as the kernel takes them; a jump's offset counts from the one after it. */
    byte[] assemble() {
        ByteBuffer out = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            int off = in.off();
            if (in.target() != null) {
                Integer at = labels.get(in.target());
                if (at == null) {
                    throw new IllegalStateException("no label " + in.target());
                }
                off = at - i - 1;
            }
            out.put((byte) in.code()).put((byte) ((in.src() << 4) | in.dst())).putShort((short) off).putInt(in.imm());
        }
        return out.array();
    }
}
