package org.virtd.qemu.security;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.SecLabel;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Confines each guest's QEMU as qemu.conf says (libvirt's security manager for DAC): before the
 * launch it hands the guest's files and private directories to QEMU's account and builds the
 * wrapper commands; when the guest stops it gives the files back. What it gave is found again
 * from the guest's definition and the owner ledger, so a restarted daemon can give it back too.
 */
public final class Confiner {
    private final Supplier<SecurityPolicy> policy;
    private final DacLabels labels;

    /** @param ledger where remembered owners are kept ({@code <run>/qemu/dac-owners}) */
    public Confiner(Supplier<SecurityPolicy> policy, Path ledger) {
        this.policy = policy;
        this.labels = new DacLabels(new OwnerLedger(ledger));
    }

    public SecurityPolicy policy() {
        return policy.get();
    }

    /**
     * Prepares a start: {@code privateDirs} (the domain directory with the monitor socket, the
     * channel directory) are created and given to QEMU's account, then the guest's files; on a
     * failure everything given so far is given back and the start fails with the reason.
     */
    public Confinement confine(DomainDef def, Path domainDir, List<Path> privateDirs) throws VirtException {
        SecurityPolicy p = policy.get();
        QemuAccount account = account(def, p);
        // a label the guest's XML gives with relabel='no' (or type 'none') leaves its files alone
        boolean relabel = p.dynamicOwnership() && relabels(def);
        List<String> namespace = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        if (p.dynamicOwnership()) {
            // the run's own directories are QEMU's whatever the guest's label says of its files
            for (Path dir : privateDirs) {
                createDir(dir);
                labels.set(dir, account, false);
            }
        }
        if (relabel) {
            List<GuestFiles.GuestFile> done = new ArrayList<>();
            try {
                for (GuestFiles.GuestFile f : GuestFiles.of(def)) {
                    if (f.output()) {
                        createFile(f.path());
                    }
                    labels.set(f.path(), account, p.rememberOwner() && f.restore());
                    done.add(f);
                }
            } catch (VirtException e) {
                for (GuestFiles.GuestFile f : done) {
                    restore(f, p);
                }
                throw e;
            }
        }
        if (p.privateDev()) {
            Path staging = domainDir.resolve("dev");
            createDir(staging);
            namespace.addAll(DevNamespace.wrapper(staging, GuestFiles.deviceNodes(def)));
        }
        if (p.privileged() && (account.uid() != 0 || account.gid() != 0)) {
            drop.addAll(PrivilegeDrop.wrapper(account));
        }
        return new Confinement(p.model(), account, p.privileged(), namespace, drop);
    }

    /** Whether the guest's files are labelled: not when its XML says {@code relabel='no'} for DAC. */
    private static boolean relabels(DomainDef def) {
        SecLabel s = def.seclabel();
        return s == null || !s.isFor("dac") || s.relabel();
    }

    /** The account the guest's files go to: its static DAC label's, else qemu.conf's. */
    private static QemuAccount account(DomainDef def, SecurityPolicy p) throws VirtException {
        SecLabel asked = def.seclabel() != null && def.seclabel().isFor("dac") ? def.seclabel() : null;
        return asked != null && asked.isStatic() ? staticAccount(asked.label(), p) : p.account();
    }

    /** {@code <seclabel type='static' model='dac'>}'s {@code +UID:+GID} or {@code user:group}. */
    private static QemuAccount staticAccount(String label, SecurityPolicy p) throws VirtException {
        int colon = label.indexOf(':');
        if (colon <= 0 || colon == label.length() - 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.SECURITY,
                    "Failed to parse DAC seclabel '" + label + "' for domain");
        }
        if (!p.privileged()) {
            return p.account();
        }
        return QemuAccount.resolve(label.substring(0, colon), label.substring(colon + 1))
                .orElseThrow(() -> new VirtException(ErrorCode.INVALID_ARG,
                        ErrorDomain.SECURITY, "Failed to parse DAC seclabel '" + label
                        + "' for domain: no such user or group"));
    }

    /**
     * A disk plugged into running guest {@code def} (null: qemu.conf's account): given to the
     * account its files go to before QEMU opens it (nothing under {@code relabel='no'}), its
     * owner remembered unless it is read-only (then left as set, as at start).
     */
    public void labelDisk(DomainDef def, Path image, boolean readOnly) throws VirtException {
        SecurityPolicy p = policy.get();
        if (p.dynamicOwnership() && (def == null || relabels(def))) {
            labels.set(image, def == null ? p.account() : account(def, p), p.rememberOwner() && !readOnly);
        }
    }

    /** A disk unplugged from running guest {@code def} (null: any): its owner given back. */
    public void releaseDisk(DomainDef def, Path image, boolean readOnly) {
        SecurityPolicy p = policy.get();
        if (p.dynamicOwnership() && !readOnly && (def == null || relabels(def))) {
            restore(new GuestFiles.GuestFile(image, true, false), p);
        }
    }

    /** The confinement of a guest found running after a restart, as the current qemu.conf describes it. */
    public Confinement adopted() {
        SecurityPolicy p = policy.get();
        return new Confinement(p.model(), p.accountOrSelf(), p.privileged(), List.of(), List.of());
    }

    /** Gives the files of a stopped guest back (what the ledger remembers, else root's as libvirt does). */
    public void release(DomainDef def) {
        SecurityPolicy p = policy.get();
        if (!p.dynamicOwnership() || !relabels(def)) {
            return;
        }
        for (GuestFiles.GuestFile f : GuestFiles.of(def)) {
            restore(f, p);
        }
    }

    private void restore(GuestFiles.GuestFile f, SecurityPolicy p) {
        if (f.restore()) {
            labels.restore(f.path(), p.rememberOwner() || labels.remembers(f.path()));
        }
    }

    /** A character device's output file, made by the daemon as libvirt does so it can be given to QEMU. */
    private static void createFile(Path file) throws VirtException {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile: fine
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR,
                    ErrorDomain.QEMU, "cannot create file '" + file + "': " + e.getMessage());
        }
    }

    private static void createDir(Path dir) throws VirtException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR,
                    ErrorDomain.QEMU, "cannot create directory '" + dir + "': " + e.getMessage());
        }
    }
}
