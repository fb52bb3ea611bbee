package org.virtd.qemu.security;

import org.virtd.qemu.config.QemuConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * What qemu.conf makes of a guest's confinement, decided once per start: whether QEMU changes
 * account (a system daemon only: a session daemon runs QEMU as itself, as libvirt's does), which
 * files are chowned and remembered, the seccomp sandbox and the private {@code /dev}.
 *
 * @param model       the primary security model reported to clients ({@code none} or {@code dac})
 * @param privileged  the daemon runs as root and may change QEMU's account
 */
public record SecurityPolicy(String source, String model, boolean privileged, String user, String group,
                             boolean dynamicOwnership, boolean rememberOwner, boolean sandbox, boolean privateDev) {

    public static SecurityPolicy of(QemuConf conf, boolean privileged) {
        QemuConf.Confinement c = conf.confinement();
        // with no LSM on this host libvirt's automatic choice is 'none', with DAC stacked under it
        String model = conf.securityDrivers().isEmpty() ? "none" : conf.securityDrivers().get(0);
        return new SecurityPolicy(conf.source(), model, privileged, conf.user(), conf.group(),
                privileged && c.dynamicOwnership(), c.rememberOwner(), c.seccompSandbox() != 0,
                privileged && c.namespaces().contains("mount"));
    }

    /** The account QEMU runs as; a system daemon fails the start when qemu.conf's user or group is missing. */
    public QemuAccount account() throws VirtException {
        if (!privileged) {
            return self();
        }
        return QemuAccount.resolve(user, group).orElseThrow(() -> new VirtException(ErrorCode.CONFIG_UNSUPPORTED,
                ErrorDomain.QEMU, "cannot run QEMU as user '" + user + "' and group '" + group
                + "': no such account on this host; create it (useradd --system libvirt-qemu) or set 'user' and"
                + " 'group' in " + source));
    }

    /** The account for reports (capabilities' baselabel): a missing one shows as the daemon's own. */
    public QemuAccount accountOrSelf() {
        try {
            return account();
        } catch (VirtException e) {
            return self();
        }
    }

    /** The secmodels capabilities lists: the primary one, then DAC stacked under it. */
    public List<String> models() {
        return model.equals("dac") ? List.of("dac") : List.of(model, "dac");
    }

    private static QemuAccount self() {
        try {
            var attrs = java.nio.file.Files.readAttributes(java.nio.file.Path.of("/proc/self"), "unix:uid,gid");
            return new QemuAccount((Integer) attrs.get("uid"), (Integer) attrs.get("gid"), List.of());
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return QemuAccount.ROOT;
        }
    }
}
