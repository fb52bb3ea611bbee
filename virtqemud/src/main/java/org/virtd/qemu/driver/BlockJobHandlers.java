package org.virtd.qemu.driver;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.blockjob.BlockJobManager;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.BlockCommitArgs;
import org.virtd.rpc.remote.types.BlockCopyArgs;
import org.virtd.rpc.remote.types.BlockRebaseArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.TypedParam;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Block jobs (virsh blockcommit, blockpull, blockcopy, blockjob): flags, running state and disk
 * checked in libvirt's order, bandwidths in MiB/s unless the call's BYTES flag says bytes/s,
 * then {@link BlockJobManager} under the domain's lock. Copies of a persistent domain's disk
 * need TRANSIENT_JOB, as libvirt cannot keep a copy across a restart of the guest.
 */
final class BlockJobHandlers {
    static final int COMMIT_FLAGS = 0x1f;
    static final int COMMIT_BYTES = 16;
    static final int PULL_BYTES = 64;
    static final int REBASE_SHALLOW = 1;
    static final int REBASE_REUSE_EXT = 2;
    static final int REBASE_COPY_RAW = 4;
    static final int REBASE_COPY = 8;
    static final int REBASE_RELATIVE = 16;
    static final int REBASE_BYTES = 64;
    static final int REBASE_FLAGS = 0x7f;
    static final int COPY_SHALLOW = 1;
    static final int COPY_REUSE_EXT = 2;
    static final int COPY_TRANSIENT_JOB = 4;
    static final int COPY_FLAGS = 0xf;
    static final int INFO_BYTES = 1;
    static final int SPEED_BYTES = 1;
    private static final long MAX_MIB = Long.MAX_VALUE >> 20;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final Supplier<BlockJobManager> jobs;

    BlockJobHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes, Supplier<BlockJobManager> jobs) {
        this.lookup = lookup;
        this.processes = processes;
        this.jobs = jobs;
    }

    /** The work a handler does with the run and its live disk. */
    private interface OnDisk<T> {
        T apply(RunningDomain rd, DiskDef d) throws VirtException;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_BLOCK_COMMIT, (c, a) -> {
            commit(a);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_PULL, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), PULL_BYTES, "qemuDomainBlockPull");
            long speed = bandwidth(a.bandwidth(), (a.flags() & PULL_BYTES) != 0);
            return onDisk(a.domain(), a.path(), (rd, d) -> {
                jobs.get().pull(rd, d, null, speed);
                return null;
            });
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_REBASE, (c, a) -> {
            rebase(a);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_COPY, (c, a) -> {
            copy(a);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_BLOCK_JOB_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), INFO_BYTES, "qemuDomainGetBlockJobInfo");
            return onDisk(a.domain(), a.path(), (rd, d) -> jobs.get().info(rd, d, (a.flags() & INFO_BYTES) != 0));
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_JOB_SET_SPEED, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SPEED_BYTES, "qemuDomainBlockJobSetSpeed");
            long speed = bandwidth(a.bandwidth(), (a.flags() & SPEED_BYTES) != 0);
            return onDisk(a.domain(), a.path(), (rd, d) -> {
                jobs.get().setSpeed(rd, d, speed);
                return null;
            });
        });
        t.on(RemoteProgram.DOMAIN_BLOCK_JOB_ABORT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), BlockJobManager.ABORT_ASYNC | BlockJobManager.ABORT_PIVOT,
                    "qemuDomainBlockJobAbort");
            return onDisk(a.domain(), a.path(), (rd, d) -> {
                jobs.get().abort(rd, d, a.flags());
                return null;
            });
        });
    }

    private void commit(BlockCommitArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), COMMIT_FLAGS, "qemuDomainBlockCommit");
        long speed = bandwidth(a.bandwidth(), (a.flags() & COMMIT_BYTES) != 0);
        DomainObject dom = lookup.resolve(a.domain());
        dom.lock().lock();
        try {
            RunningDomain rd = processes().guests().runningOrNull(dom);
            if (rd == null) {
                // libvirt looks the images up in the definition before it finds the guest is off
                DiskDef d = BlockJobManager.disk(dom.def(), a.disk());
                BlockJobManager.checkCommitInactive(d, a.top(), a.base(), a.flags());
                throw notRunning();
            }
            DiskDef d = BlockJobManager.disk(rd.live(), a.disk());
            jobs.get().commit(rd, d, a.top(), a.base(), a.flags() & ~COMMIT_BYTES, speed);
        } finally {
            dom.lock().unlock();
        }
    }

    private void rebase(BlockRebaseArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), REBASE_FLAGS, "qemuDomainBlockRebase");
        long speed = bandwidth(a.bandwidth(), (a.flags() & REBASE_BYTES) != 0);
        boolean copy = (a.flags() & REBASE_COPY) != 0;
        boolean relative = (a.flags() & REBASE_RELATIVE) != 0;
        DomainObject dom = lookup.resolve(a.domain());
        if (relative && copy) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "Relative backing during copy not supported yet");
        }
        if (relative && a.base() == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "flag VIR_DOMAIN_BLOCK_REBASE_RELATIVE is valid only with non-null base");
        }
        onDisk(dom, a.path(), (rd, d) -> {
            if (!copy) {
                jobs.get().pull(rd, d, a.base(), relative, speed);
                return null;
            }
            if (dom.isPersistent()) {
                throw notTransient();
            }
            if (a.base() == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "destination must not be NULL");
            }
            jobs.get().copy(rd, d, Path.of(a.base()), (a.flags() & REBASE_COPY_RAW) != 0 ? "raw" : null,
                    (a.flags() & REBASE_SHALLOW) != 0, (a.flags() & REBASE_REUSE_EXT) != 0, speed,
                    JsonObject.EMPTY);
            return null;
        });
    }

    private void copy(BlockCopyArgs a) throws VirtException {
        DomainLookup.checkFlags(a.flags(), COPY_FLAGS, "qemuDomainBlockCopy");
        long speed = 0;
        JsonObject tuning = JsonObject.EMPTY;
        for (TypedParam p : a.params()) {
            switch (p.field()) {
                case "bandwidth" -> speed = ((Number) p.value()).longValue();
                case "granularity" -> tuning = tuning.with("granularity", ((Number) p.value()).longValue());
                case "buf-size" -> tuning = tuning.with("buf-size", ((Number) p.value()).longValue());
                default -> throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "parameter '" + p.field() + "' not supported");
            }
        }
        Destination dest = destination(a.destxml());
        long bytes = speed;
        JsonObject qemuTuning = tuning;
        DomainObject dom = lookup.resolve(a.domain());
        onDisk(dom, a.path(), (rd, d) -> {
            jobs.get().copy(rd, d, dest.path(), dest.format(), (a.flags() & COPY_SHALLOW) != 0,
                    (a.flags() & COPY_REUSE_EXT) != 0, bytes, qemuTuning);
            return null;
        }, (a.flags() & COPY_TRANSIENT_JOB) == 0);
    }

    /** A copy's destination: {@code <disk type='file'><source file=/><driver type=/></disk>}. */
    private record Destination(Path path, String format) {
    }

    private static Destination destination(String xml) throws VirtException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element disk = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)))
                    .getDocumentElement();
            String file = null;
            String format = null;
            var sources = disk.getElementsByTagName("source");
            if (sources.getLength() > 0) {
                Element s = (Element) sources.item(0);
                file = s.hasAttribute("file") ? s.getAttribute("file") : s.getAttribute("dev");
            }
            var drivers = disk.getElementsByTagName("driver");
            if (drivers.getLength() > 0 && ((Element) drivers.item(0)).hasAttribute("type")) {
                format = ((Element) drivers.item(0)).getAttribute("type");
            }
            if (file == null || file.isEmpty()) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing source for the copy");
            }
            return new Destination(Path.of(file), format);
        } catch (VirtException e) {
            throw e;
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, e.getMessage());
        }
    }

    private <T> T onDisk(DomainRef ref, String path, OnDisk<T> work) throws VirtException {
        return onDisk(lookup.resolve(ref), path, work);
    }

    private <T> T onDisk(DomainObject dom, String path, OnDisk<T> work) throws VirtException {
        return onDisk(dom, path, work, false);
    }

    /** {@code needsTransient}: a copy without TRANSIENT_JOB, refused for a persistent domain. */
    private <T> T onDisk(DomainObject dom, String path, OnDisk<T> work, boolean needsTransient)
            throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = processes().guests().runningOrNull(dom);
            if (rd == null) {
                throw notRunning();
            }
            if (needsTransient && dom.isPersistent()) {
                throw notTransient();
            }
            return work.apply(rd, BlockJobManager.disk(rd.live(), path));
        } finally {
            dom.lock().unlock();
        }
    }

    private DomainProcesses processes() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p;
    }

    private static long bandwidth(long value, boolean bytes) throws VirtException {
        if (bytes) {
            return value;
        }
        if (value < 0 || value > MAX_MIB) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.QEMU,
                    "bandwidth must be less than " + Long.toUnsignedString(MAX_MIB));
        }
        return value << 20;
    }

    private static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    private static VirtException notTransient() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not transient");
    }
}
