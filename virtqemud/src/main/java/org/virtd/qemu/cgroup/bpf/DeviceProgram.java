package org.virtd.qemu.cgroup.bpf;

/**
 * The device check run on every open or mknod of a device node by a task of the cgroup. The
 * kernel hands it {@code struct bpf_cgroup_dev_ctx} (u32 access_type = device type | access
 * bits << 16, u32 major, u32 minor); it allows (returns 1) when one of four map entries covers
 * the request: the exact node, any minor of the major, any major with the minor, any device;
 * an entry covers it when its value has every type and access bit asked for. Else it denies.
 */
public final class DeviceProgram {
    /** The name the program is loaded under: how a restarted daemon tells its own from others'. */
    public static final String NAME = "virtd_devices";
    /** bpf_map_lookup_elem(map, key): the entry's address, or 0 when the key is absent. */
    static final int HELPER_MAP_LOOKUP = 1;

    private static final int CTX_ACCESS = 0;
    private static final int CTX_MAJOR = 4;
    private static final int CTX_MINOR = 8;
    /** Where the key is built on the program's stack. */
    private static final int KEY_SLOT = -8;

    private DeviceProgram() {
    }

    /** The instructions, bound to the map open as {@code mapFd} in the loading process. */
    public static byte[] instructions(int mapFd) {
        BpfAssembler a = new BpfAssembler();
        // r6-r9 survive helper calls: the context and its three fields stay there throughout
        a.mov(BpfAssembler.R6, BpfAssembler.R1)
                .loadWord(BpfAssembler.R7, BpfAssembler.R6, CTX_ACCESS)
                .loadWord(BpfAssembler.R8, BpfAssembler.R6, CTX_MAJOR)
                .loadWord(BpfAssembler.R9, BpfAssembler.R6, CTX_MINOR);
        for (KeyForm form : KeyForm.values()) {
            String next = "after-" + form;
            form.build(a);
            a.storeDouble(BpfAssembler.R10, KEY_SLOT, BpfAssembler.R1)
                    .mov(BpfAssembler.R2, BpfAssembler.R10)
                    .addImm(BpfAssembler.R2, KEY_SLOT)
                    .loadMap(BpfAssembler.R1, mapFd)
                    .call(HELPER_MAP_LOOKUP)
                    .jumpIfEqual(BpfAssembler.R0, 0, next)
                    .loadWord(BpfAssembler.R1, BpfAssembler.R0, 0)
                    .and(BpfAssembler.R1, BpfAssembler.R7)
                    .jumpIfNotEqual(BpfAssembler.R1, BpfAssembler.R7, next)
                    .movImm(BpfAssembler.R0, 1)
                    .exit()
                    .label(next);
        }
        return a.movImm(BpfAssembler.R0, 0).exit().assemble();
    }

    /** The four keys looked up, most specific first, each built into r1. */
    private enum KeyForm {
        EXACT {
            @Override
            void build(BpfAssembler a) {
                a.mov(BpfAssembler.R1, BpfAssembler.R8).shiftLeft(BpfAssembler.R1, 32).or(BpfAssembler.R1, BpfAssembler.R9);
            }
        },
        ANY_MINOR {
            @Override
            void build(BpfAssembler a) {
                a.mov(BpfAssembler.R1, BpfAssembler.R8).shiftLeft(BpfAssembler.R1, 32)
                        .movImm32(BpfAssembler.R2, -1).or(BpfAssembler.R1, BpfAssembler.R2);
            }
        },
        ANY_MAJOR {
            @Override
            void build(BpfAssembler a) {
                a.movImm(BpfAssembler.R1, -1).shiftLeft(BpfAssembler.R1, 32).or(BpfAssembler.R1, BpfAssembler.R9);
            }
        },
        ANY_DEVICE {
            @Override
            void build(BpfAssembler a) {
                a.movImm(BpfAssembler.R1, -1);
            }
        };

        abstract void build(BpfAssembler a);
    }
}
