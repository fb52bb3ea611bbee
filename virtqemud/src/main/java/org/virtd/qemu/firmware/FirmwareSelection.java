package org.virtd.qemu.firmware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.OsFirmware;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The firmware a starting guest gets, chosen as libvirt 9.0 chooses it: for
 * {@code <os firmware='efi|bios'>} the first descriptor (in file name order) that speaks the
 * interface, targets the guest's arch and machine, has or lacks the {@code <firmware>} features
 * the guest asks for, and is an SMM build when the loader is {@code secure='yes'}; a bare UEFI
 * {@code <loader>} without a template takes the template of the descriptor with the same
 * executable. The running definition then names loader, template and the per-guest variable
 * store ({@code <nvram dir>/<name>_VARS.fd}) and no longer asks for autoselection; a firmware
 * that requires SMM turns SMM on. The inactive definition keeps what the user wrote.
 */
public final class FirmwareSelection {
    private final List<Path> descriptorDirs;
    private final Path nvramDir;

    public FirmwareSelection(List<Path> descriptorDirs, Path nvramDir) {
        this.descriptorDirs = List.copyOf(descriptorDirs);
        this.nvramDir = nvramDir;
    }

    /** The variable store a guest gets when its definition names none. */
    public Path nvramPath(String domainName) {
        return nvramDir.resolve(domainName + "_VARS.fd");
    }

    /** {@code def} with its firmware filled in for a start. */
    public DomainDef fill(DomainDef def) throws VirtException {
        OsFirmware fw = def.os().firmware();
        if (fw == null) {
            return def;
        }
        boolean autoselect = fw.firmware() != null;
        if (!autoselect) {
            OsFirmware.Loader l = fw.loader();
            boolean oldStyle = l != null && l.path() != null && "pflash".equals(l.type())
                    && "yes".equals(l.readonly());
            if (!oldStyle || fw.nvram() != null && fw.nvram().template() != null) {
                return def;
            }
            if (fw.nvram() != null && fw.nvram().path() != null
                    && Files.exists(Path.of(fw.nvram().path()))) {
                return def;
            }
        }
        for (FirmwareDescriptor d : FirmwareDescriptor.load(descriptorDirs)) {
            if (matches(def, fw, d)) {
                return enable(def, fw, d);
            }
        }
        if (autoselect) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "Unable to find any firmware to satisfy '" + fw.firmware() + "'");
        }
        return withNvramPath(def, fw);
    }

    private static boolean matches(DomainDef def, OsFirmware fw, FirmwareDescriptor d) {
        String want;
        if (fw.firmware() != null) {
            want = fw.firmware().equals("efi") ? "uefi" : "bios";
        } else {
            want = "uefi";
            if (!d.flash() || !d.executable().equals(fw.loader().path())) {
                return false;
            }
        }
        if (!d.interfaces().contains(want) || !d.targets(def.os().arch(), def.os().machine())) {
            return false;
        }
        if (!wanted(fw.secureBoot(), d.has("secure-boot")) || !wanted(fw.enrolledKeys(), d.has("enrolled-keys"))) {
            return false;
        }
        return fw.loader() == null || !"yes".equals(fw.loader().secure()) || d.has("requires-smm");
    }

    /** A {@code <firmware>} feature asked for (yes) or refused (no) against what the firmware has. */
    private static boolean wanted(String asked, boolean has) {
        return asked == null || asked.equals("yes") == has;
    }

    private DomainDef enable(DomainDef def, OsFirmware fw, FirmwareDescriptor d) throws VirtException {
        DomainDef out = def;
        boolean smm = d.has("requires-smm");
        if (smm) {
            boolean off = def.features() != null && def.features().stream()
                    .anyMatch(f -> f.name().equals("smm") && "off".equals(f.state()));
            if (off) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "domain has SMM turned off but chosen firmware requires it");
            }
            out = out.withFeature(new DomainDef.Feature("smm", "on"));
        }
        OsFirmware filled;
        if (d.flash()) {
            requireRaw(d.executableFormat(), "unsupported flash format '");
            requireRaw(d.nvramFormat(), "unsupported nvram template format '");
            String secure = smm ? "yes" : fw.loader() == null ? null : fw.loader().secure();
            filled = fw.withLoader(new OsFirmware.Loader("yes", secure, "pflash", d.executable()),
                    new OsFirmware.Nvram(d.nvramTemplate(), fw.nvram() != null && fw.nvram().path() != null
                            ? fw.nvram().path() : nvramPath(def.name()).toString()));
        } else {
            filled = fw.withLoader(new OsFirmware.Loader(null, null, "rom", d.executable()), fw.nvram());
        }
        return out.withOs(def.os().withFirmware(filled.resolved()));
    }

    private static void requireRaw(String format, String message) throws VirtException {
        if (!"raw".equals(format)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, message + format + "'");
        }
    }

    /**
     * Define's step for a read-only UEFI {@code <loader>} given without {@code <nvram>}: the
     * definition names the store it will get ({@code <nvram>} with the default path).
     */
    public DomainDef withDefaultNvram(DomainDef def) {
        OsFirmware fw = def.os().firmware();
        if (fw == null || fw.loader() == null || fw.nvram() != null || !"pflash".equals(fw.loader().type())
                || !"yes".equals(fw.loader().readonly())) {
            return def;
        }
        return withNvramPath(def, fw);
    }

    /** An old-style UEFI loader without a matching descriptor still gets its store's default path. */
    private DomainDef withNvramPath(DomainDef def, OsFirmware fw) {
        if (fw.nvram() != null && fw.nvram().path() != null) {
            return def;
        }
        return def.withOs(def.os().withFirmware(fw.withLoader(fw.loader(),
                new OsFirmware.Nvram(fw.nvram() == null ? null : fw.nvram().template(),
                        nvramPath(def.name()).toString()))));
    }
}
