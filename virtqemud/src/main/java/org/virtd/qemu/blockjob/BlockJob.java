package org.virtd.qemu.blockjob;

/**
 * One block job of a running guest: its QEMU job id ({@code commit-vda-libvirt-1-format}), type,
 * disk, state, and the numbers of the images it works on: the top image (commit), the base it
 * stops at (0: none), the image it writes (a copy's destination); {@code flags}: the job's flags
 * as the status XML's {@code jobflags} keeps them. Changed under the domain's lock.
 */
final class BlockJob {
    /** libvirt's job states that matter here. */
    enum State { RUNNING, READY, ABORTING, PIVOTING }

    final String name;
    final BlockJobType type;
    final String dst;
    final int top;
    final int base;
    final int mirror;
    final boolean shallow;
    final int flags;
    /** A commit's merged images are deleted once it completes (VIR_DOMAIN_BLOCK_COMMIT_DELETE). */
    final boolean deleteImages;
    State state;

    BlockJob(String name, BlockJobType type, String dst, int top, int base, int mirror, boolean shallow,
             State state) {
        this(name, type, dst, top, base, mirror, shallow, 0, state, false);
    }

    BlockJob(String name, BlockJobType type, String dst, int top, int base, int mirror, boolean shallow,
             int flags, State state) {
        this(name, type, dst, top, base, mirror, shallow, flags, state, false);
    }

    BlockJob(String name, BlockJobType type, String dst, int top, int base, int mirror, boolean shallow,
             int flags, State state, boolean deleteImages) {
        this.name = name;
        this.type = type;
        this.dst = dst;
        this.top = top;
        this.base = base;
        this.mirror = mirror;
        this.shallow = shallow;
        this.flags = flags;
        this.state = state;
        this.deleteImages = deleteImages;
    }

    /** A line of the tab-separated job record earlier versions kept beside the status file. */
    static BlockJob parseRecord(String line) {
        String[] f = line.split("\t");
        return new BlockJob(f[0], BlockJobType.named(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), Boolean.parseBoolean(f[6]), 0, State.valueOf(f[7]),
                f.length > 8 && Boolean.parseBoolean(f[8]));
    }
}
