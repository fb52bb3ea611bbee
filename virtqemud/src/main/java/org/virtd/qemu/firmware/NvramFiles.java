package org.virtd.qemu.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.OsFirmware;
import org.virtd.qemu.config.QemuConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The per-guest UEFI variable stores: created from the template before QEMU starts (the
 * definition's template, else the one qemu.conf's {@code nvram} pairs with the loader), recreated
 * on a start with RESET_NVRAM, and kept or removed by undefine as its flags say.
 */
public final class NvramFiles {
    private final FirmwareSelection selection;
    private final Supplier<QemuConf> conf;

    public NvramFiles(FirmwareSelection selection, Supplier<QemuConf> conf) {
        this.selection = selection;
        this.conf = conf;
    }

    public FirmwareSelection selection() {
        return selection;
    }

    /** Makes sure the store {@code live} names exists (a copy of the template when it does not). */
    public void prepare(DomainDef live) throws VirtException {
        OsFirmware fw = live.os().firmware();
        if (fw == null || fw.loader() == null || fw.nvram() == null || fw.nvram().path() == null) {
            return;
        }
        Path store = Path.of(fw.nvram().path());
        if (Files.exists(store)) {
            return;
        }
        String template = fw.nvram().template();
        if (template == null) {
            template = templateFor(fw.loader().path());
        }
        if (template == null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "unable to find any master var store for loader: " + fw.loader().path());
        }
        try {
            Files.createDirectories(store.getParent());
            Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
            Files.copy(Path.of(template), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to open file '" + template + "': " + e.getMessage());
        }
    }

    private String templateFor(String loader) {
        for (QemuConf.Firmware f : conf.get().nvram()) {
            if (f.loader().toString().equals(loader)) {
                return f.nvramTemplate().toString();
            }
        }
        return null;
    }

    /**
     * Undefine's NVRAM rule: an existing store is removed with {@code delete}, kept with
     * {@code keep}, and refuses the undefine otherwise.
     */
    public void beforeUndefine(DomainDef def, boolean delete, boolean keep) throws VirtException {
        Path store = storeOf(def);
        if (store == null || !Files.exists(store)) {
            return;
        }
        if (delete) {
            try {
                Files.delete(store);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "failed to remove nvram: " + store);
            }
        } else if (!keep) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot undefine domain with nvram");
        }
    }

    /** RESET_NVRAM: the store goes, so the start that follows copies the template afresh. */
    public void reset(DomainDef def) throws VirtException {
        Path store = storeOf(def);
        try {
            if (store != null) {
                Files.deleteIfExists(store);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "failed to remove nvram: " + store);
        }
    }

    /** The variable store a definition uses (or would get on its next start), or null. */
    public Path storeOf(DomainDef def) {
        OsFirmware fw = def.os().firmware();
        if (fw == null) {
            return null;
        }
        if (fw.nvram() != null && fw.nvram().path() != null) {
            return Path.of(fw.nvram().path());
        }
        return "efi".equals(fw.firmware()) ? selection.nvramPath(def.name()) : null;
    }
}
