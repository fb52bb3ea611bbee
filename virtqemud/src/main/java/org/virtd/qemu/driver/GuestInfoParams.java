package org.virtd.qemu.driver;

import org.virtd.qemu.agent.GuestAgent;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * virDomainGetGuestInfo's typed parameters, named as libvirt names them ({@code user.N.name},
 * {@code os.id}, {@code fs.N.disk.M.serial}, {@code if.N.addr.M.prefix}, ...). Each group the
 * caller asks for is one agent command; a command the agent does not know leaves its group out.
 */
final class GuestInfoParams {
    static final int USERS = 1;
    static final int OS = 2;
    static final int TIMEZONE = 4;
    static final int HOSTNAME = 8;
    static final int FILESYSTEM = 16;
    static final int DISKS = 32;
    static final int INTERFACES = 64;
    static final int ALL = USERS | OS | TIMEZONE | HOSTNAME | FILESYSTEM | DISKS | INTERFACES;

    private GuestInfoParams() {
    }

    static List<TypedParam> collect(GuestAgent agent, int types) throws VirtException {
        List<TypedParam> out = new ArrayList<>();
        if ((types & USERS) != 0) {
            users(agent.usersIfSupported(), out);
        }
        if ((types & OS) != 0) {
            Map<String, String> os = agent.osInfoIfSupported();
            if (os != null) {
                os.forEach((k, v) -> out.add(TypedParam.ofString("os." + k, v)));
            }
        }
        if ((types & TIMEZONE) != 0) {
            GuestAgent.Zone z = agent.timezoneIfSupported();
            if (z != null) {
                if (z.name() != null) {
                    out.add(TypedParam.ofString("timezone.name", z.name()));
                }
                out.add(TypedParam.ofInt("timezone.offset", z.offset()));
            }
        }
        if ((types & HOSTNAME) != 0) {
            String h = agent.hostnameIfSupported();
            if (h != null) {
                out.add(TypedParam.ofString("hostname", h));
            }
        }
        if ((types & FILESYSTEM) != 0) {
            filesystems(agent.fsInfoIfSupported(), out);
        }
        if ((types & DISKS) != 0) {
            disks(agent.disksIfSupported(), out);
        }
        if ((types & INTERFACES) != 0) {
            interfaces(agent.interfacesIfSupported(), out);
        }
        return out;
    }

    private static void users(List<GuestAgent.User> users, List<TypedParam> out) {
        if (users == null) {
            return;
        }
        out.add(TypedParam.ofUInt("user.count", users.size()));
        for (int i = 0; i < users.size(); i++) {
            GuestAgent.User u = users.get(i);
            out.add(TypedParam.ofString("user." + i + ".name", u.name()));
            if (u.domain() != null) {
                out.add(TypedParam.ofString("user." + i + ".domain", u.domain()));
            }
            out.add(TypedParam.ofULLong("user." + i + ".login-time", u.loginMillis()));
        }
    }

    private static void filesystems(List<GuestAgent.FsInfo> fss, List<TypedParam> out) {
        if (fss == null) {
            return;
        }
        out.add(TypedParam.ofUInt("fs.count", fss.size()));
        for (int i = 0; i < fss.size(); i++) {
            GuestAgent.FsInfo f = fss.get(i);
            String p = "fs." + i + ".";
            out.add(TypedParam.ofString(p + "name", f.name()));
            out.add(TypedParam.ofString(p + "mountpoint", f.mountpoint()));
            out.add(TypedParam.ofString(p + "fstype", f.type()));
            if (f.totalBytes() != null && f.usedBytes() != null) {
                out.add(TypedParam.ofULLong(p + "total-bytes", f.totalBytes()));
                out.add(TypedParam.ofULLong(p + "used-bytes", f.usedBytes()));
            }
            out.add(TypedParam.ofUInt(p + "disk.count", f.disks().size()));
            for (int j = 0; j < f.disks().size(); j++) {
                GuestAgent.FsDisk d = f.disks().get(j);
                String q = p + "disk." + j + ".";
                if (d.serial() != null) {
                    out.add(TypedParam.ofString(q + "serial", d.serial()));
                }
                if (d.device() != null) {
                    out.add(TypedParam.ofString(q + "device", d.device()));
                }
            }
        }
    }

    private static void disks(List<GuestAgent.Disk> disks, List<TypedParam> out) {
        if (disks == null) {
            return;
        }
        out.add(TypedParam.ofUInt("disk.count", disks.size()));
        for (int i = 0; i < disks.size(); i++) {
            GuestAgent.Disk d = disks.get(i);
            String p = "disk." + i + ".";
            out.add(TypedParam.ofString(p + "name", d.name()));
            out.add(TypedParam.ofBoolean(p + "partition", d.partition()));
            if (!d.dependencies().isEmpty()) {
                out.add(TypedParam.ofUInt(p + "dependency.count", d.dependencies().size()));
                for (int j = 0; j < d.dependencies().size(); j++) {
                    out.add(TypedParam.ofString(p + "dependency." + j + ".name", d.dependencies().get(j)));
                }
            }
            if (d.guestAlias() != null) {
                out.add(TypedParam.ofString(p + "guest_alias", d.guestAlias()));
            }
        }
    }

    private static void interfaces(List<GuestAgent.Iface> ifaces, List<TypedParam> out) {
        if (ifaces == null) {
            return;
        }
        out.add(TypedParam.ofUInt("if.count", ifaces.size()));
        for (int i = 0; i < ifaces.size(); i++) {
            GuestAgent.Iface f = ifaces.get(i);
            String p = "if." + i + ".";
            out.add(TypedParam.ofString(p + "name", f.name()));
            if (f.hwaddr() != null) {
                out.add(TypedParam.ofString(p + "hwaddr", f.hwaddr()));
            }
            out.add(TypedParam.ofUInt(p + "addr.count", f.addrs().size()));
            for (int j = 0; j < f.addrs().size(); j++) {
                GuestAgent.Address a = f.addrs().get(j);
                String q = p + "addr." + j + ".";
                out.add(TypedParam.ofString(q + "type", a.type() == 0 ? "ipv4" : "ipv6"));
                out.add(TypedParam.ofString(q + "addr", a.addr()));
                out.add(TypedParam.ofUInt(q + "prefix", a.prefix()));
            }
        }
    }
}
