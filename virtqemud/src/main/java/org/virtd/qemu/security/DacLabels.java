package org.virtd.qemu.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * libvirt's DAC "labels": the owner of a file QEMU uses becomes QEMU's account while the guest
 * runs; with {@code remember_owner} the owner before is kept in the {@link OwnerLedger} (shared
 * files counted) and given back when the last guest using it stops, without it root:root is.
 */
final class DacLabels {
    private static final Logger LOG = LoggerFactory.getLogger(DacLabels.class);

    private final OwnerLedger ledger;

    DacLabels(OwnerLedger ledger) {
        this.ledger = ledger;
    }

    /** Gives {@code path} to {@code account}, remembering its owner when {@code remember}. */
    void set(Path path, QemuAccount account, boolean remember) throws VirtException {
        checkSearchable(path, account);
        try {
            Map<String, Object> attrs = Files.readAttributes(path, "unix:uid,gid");
            int uid = (Integer) attrs.get("uid");
            int gid = (Integer) attrs.get("gid");
            if (remember) {
                ledger.remember(path, uid, gid);
            }
            if (uid != account.uid() || gid != account.gid()) {
                chown(path, account.uid(), account.gid());
            }
        } catch (NoSuchFileException e) {
            throw failure(path, account, "No such file or directory");
        } catch (IOException e) {
            throw failure(path, account, e.getMessage());
        }
    }

    /** Gives {@code path} back; a remembered file goes back to its owner once no guest uses it. */
    void restore(Path path, boolean remember) {
        try {
            if (remember) {
                var owner = ledger.recall(path);
                if (owner.isPresent()) {
                    chown(path, owner.get().uid(), owner.get().gid());
                }
            } else {
                chown(path, 0, 0);
            }
        } catch (NoSuchFileException e) {
            LOG.debug("{} is gone: no owner to restore", path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unable to restore the owner of '{}': {}", path, e.getMessage());
        }
    }

    /** Whether the ledger holds an owner for {@code path} (a run started with remember_owner on). */
    boolean remembers(Path path) {
        try {
            return ledger.knows(path);
        } catch (IOException e) {
            return false;
        }
    }

    static void chown(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid);
        Files.setAttribute(path, "unix:gid", gid);
    }

    /**
     * QEMU must be able to reach the file: every directory above it searchable by its account
     * (a 0700 directory owned by root is the usual mistake, mktemp's for one).
     */
    static void checkSearchable(Path path, QemuAccount account) throws VirtException {
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            int mode;
            int uid;
            int gid;
            try {
                Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid,gid");
                mode = (Integer) a.get("mode");
                uid = (Integer) a.get("uid");
                gid = (Integer) a.get("gid");
            } catch (IOException e) {
                continue;
            }
            boolean ok = account.uid() == 0
                    || (uid == account.uid() ? (mode & 0100) != 0
                    : (gid == account.gid() || account.groups().contains(gid)) ? (mode & 0010) != 0
                    : (mode & 0001) != 0);
            if (!ok) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECURITY, "Cannot access storage file '"
                        + path + "' (as uid:" + account.uid() + ", gid:" + account.gid() + "): Permission denied: "
                        + "directory '" + dir + "' is not searchable by QEMU's account (chmod o+x it, or change"
                        + " 'user' and 'group' in qemu.conf)");
            }
        }
    }

    private static VirtException failure(Path path, QemuAccount account, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECURITY, "unable to set user and group to '"
                + account.uid() + ":" + account.gid() + "' on '" + path + "': " + why);
    }
}
