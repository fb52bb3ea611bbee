package org.virtd.qemu.cgroup.bpf;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device program's encoding, and what it decides: a small interpreter of the instructions
 * it uses runs it against a map, as the kernel would.
 */
class DeviceProgramTest {
    private static final int MAP_FD = 7;

    @Test
    void encodesInstructionsAsTheKernelReadsThem() {
        byte[] prog = DeviceProgram.instructions(MAP_FD);
        assertEquals(0, prog.length % 8);
        HexFormat hex = HexFormat.of();
        // r6 = r1; r7 = *(u32 *)(r6 + 0); r8 = *(u32 *)(r6 + 4); r9 = *(u32 *)(r6 + 8)
        assertEquals("bf16000000000000" + "6167000000000000" + "6168040000000000" + "6169080000000000",
                hex.formatHex(prog, 0, 32));
        // the first lookup: r1 = r8 << 32 | r9, stored at r10 - 8, r2 = r10 - 8, r1 = map 7, call 1
        assertEquals("bf81000000000000" + "6701000020000000" + "4f91000000000000" + "7b1af8ff00000000"
                + "bfa2000000000000" + "07020000f8ffffff" + "1811000007000000" + "0000000000000000"
                + "8500000001000000", hex.formatHex(prog, 32, 32 + 72));
        // ends r0 = 0; exit
        assertEquals("b700000000000000" + "9500000000000000", hex.formatHex(prog, prog.length - 16, prog.length));
    }

    @Test
    void everyJumpLandsOnAnInstructionInTheProgram() {
        byte[] prog = DeviceProgram.instructions(MAP_FD);
        int n = prog.length / 8;
        boolean[] secondHalf = new boolean[n];
        for (int i = 0; i < n; i++) {
            if ((prog[i * 8] & 0xff) == BpfAssembler.LD_IMM_DW) {
                secondHalf[i + 1] = true;
                assertEquals(BpfAssembler.PSEUDO_MAP_FD, (prog[i * 8 + 1] >> 4) & 0xf, "a map load");
                assertEquals(MAP_FD, insn(prog, i).getInt(4));
            }
        }
        for (int i = 0; i < n; i++) {
            int code = prog[i * 8] & 0xff;
            if (code == BpfAssembler.JMP_JEQ_K || code == BpfAssembler.JMP_JNE_X) {
                int target = i + 1 + insn(prog, i).getShort(2);
                assertTrue(target > i && target < n && !secondHalf[target], "jump at " + i + " to " + target);
            }
        }
    }

    private static ByteBuffer insn(byte[] prog, int i) {
        return ByteBuffer.wrap(prog, i * 8, 8).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Runs the program for one request against {@code map}; its return value. */
    private static long run(Map<Long, Integer> map, int type, int access, long major, long minor) {
        byte[] prog = DeviceProgram.instructions(MAP_FD);
        long[] r = new long[11];
        ByteBuffer stack = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        int[] ctx = {type | (access << 16), (int) major, (int) minor};
        final long ctxAddr = 1L << 40;
        final long stackTop = 2L << 40;
        final long valueAddr = 3L << 40;
        Integer found = null;
        r[1] = ctxAddr;
        r[10] = stackTop;
        for (int pc = 0; ; pc++) {
            ByteBuffer in = insn(prog, pc);
            int code = in.get(0) & 0xff;
            int dst = in.get(1) & 0xf;
            int src = (in.get(1) >> 4) & 0xf;
            int off = in.getShort(2);
            int imm = in.getInt(4);
            switch (code) {
                case BpfAssembler.ALU64_MOV_X -> r[dst] = r[src];
                case BpfAssembler.ALU64_MOV_K -> r[dst] = imm;
                case BpfAssembler.ALU32_MOV_K -> r[dst] = imm & 0xffffffffL;
                case BpfAssembler.ALU64_LSH_K -> r[dst] <<= imm;
                case BpfAssembler.ALU64_OR_X -> r[dst] |= r[src];
                case BpfAssembler.ALU64_AND_X -> r[dst] &= r[src];
                case BpfAssembler.ALU64_ADD_K -> r[dst] += imm;
                case BpfAssembler.LDX_MEM_W -> {
                    if (r[src] == ctxAddr) {
                        r[dst] = ctx[off / 4] & 0xffffffffL;
                    } else if (r[src] == valueAddr && off == 0) {
                        r[dst] = found & 0xffffffffL;
                    } else {
                        throw new AssertionError("load from " + r[src] + "+" + off);
                    }
                }
                case BpfAssembler.STX_MEM_DW -> {
                    assertEquals(stackTop - 8, r[dst] + off, "the key slot");
                    stack.putLong(0, r[src]);
                }
                case BpfAssembler.LD_IMM_DW -> {
                    r[dst] = 0x1000 + imm; // stands for the map
                    pc++;
                }
                case BpfAssembler.JMP_CALL -> {
                    assertEquals(DeviceProgram.HELPER_MAP_LOOKUP, imm);
                    assertEquals(0x1000 + MAP_FD, r[1]);
                    assertEquals(stackTop - 8, r[2]);
                    found = map.get(stack.getLong(0));
                    r[0] = found == null ? 0 : valueAddr;
                    for (int i = 1; i <= 5; i++) {
                        r[i] = 0xdead; // the helper leaves r1-r5 clobbered
                    }
                }
                case BpfAssembler.JMP_JEQ_K -> pc += r[dst] == imm ? off : 0;
                case BpfAssembler.JMP_JNE_X -> pc += r[dst] != r[src] ? off : 0;
                case BpfAssembler.JMP_EXIT -> {
                    return r[0];
                }
                default -> throw new AssertionError("opcode " + Integer.toHexString(code) + " at " + pc);
            }
        }
    }

    private static final int READ = DeviceEntry.ACCESS_READ;
    private static final int WRITE = DeviceEntry.ACCESS_WRITE;
    private static final int MKNOD = DeviceEntry.ACCESS_MKNOD;
    private static final int C = DeviceEntry.TYPE_CHAR;
    private static final int B = DeviceEntry.TYPE_BLOCK;

    @Test
    void allowsWhatAnEntryCoversAndNothingElse() {
        Map<Long, Integer> map = new HashMap<>();
        map.put(DeviceEntry.key(1, 3), DeviceEntry.value('c', "rw"));
        map.put(DeviceEntry.key(8, 0), DeviceEntry.value('b', "r"));
        assertEquals(1, run(map, C, READ, 1, 3));
        assertEquals(1, run(map, C, READ | WRITE, 1, 3));
        assertEquals(0, run(map, C, MKNOD, 1, 3), "mknod was not allowed");
        assertEquals(0, run(map, B, READ, 1, 3), "a block device with the numbers of a char one");
        assertEquals(0, run(map, C, READ, 1, 5), "another minor");
        assertEquals(1, run(map, B, READ, 8, 0));
        assertEquals(0, run(map, B, WRITE, 8, 0), "a read-only disk");
        assertEquals(0, run(new HashMap<>(), C, READ, 1, 3), "an empty map denies all");
    }

    @Test
    void wildcardsCoverTheirHalf() {
        Map<Long, Integer> map = new HashMap<>();
        map.put(DeviceEntry.key(136, -1), DeviceEntry.value('c', "rw"));
        assertEquals(1, run(map, C, READ | WRITE, 136, 0));
        assertEquals(1, run(map, C, WRITE, 136, 4095));
        assertEquals(0, run(map, C, READ, 137, 0));
        map.put(DeviceEntry.key(-1, 9), DeviceEntry.value('b', "r"));
        assertEquals(1, run(map, B, READ, 253, 9));
        assertEquals(0, run(map, B, READ, 253, 8));
        map.put(DeviceEntry.key(-1, -1), DeviceEntry.value('a', "m"));
        assertEquals(1, run(map, B, MKNOD, 253, 8), "any device may be made");
        assertEquals(0, run(map, B, READ, 253, 8), "but not read");
    }

    @Test
    void entriesEncodeAsTheProgramReadsThem() {
        assertEquals(0x0000000100000003L, DeviceEntry.key(1, 3));
        assertEquals(0x00000088ffffffffL, DeviceEntry.key(136, -1));
        assertEquals(0xffffffff00000009L, DeviceEntry.key(-1, 9));
        assertEquals(-1L, DeviceEntry.key(-1, -1));
        assertEquals(0x60002, DeviceEntry.value('c', "rw"));
        assertEquals(0x20001, DeviceEntry.value('b', "r"));
        assertEquals(0x70003, DeviceEntry.value('a', "rwm"));
        assertEquals(0x20002, DeviceEntry.without(0x60002, WRITE));
        assertEquals(0, DeviceEntry.without(0x60002, READ | WRITE | MKNOD));
        assertEquals(DeviceEntry.key(1, 3), DeviceEntry.keyOf(DeviceEntry.keyBytes(DeviceEntry.key(1, 3))));
    }
}
