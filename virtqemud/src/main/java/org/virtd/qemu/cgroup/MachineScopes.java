package org.virtd.qemu.cgroup;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.machined.Machined;
import org.virtd.qemu.machined.ScopeNames;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a guest goes when systemd-machined is there: its running QEMU is registered as machine
 * {@code qemu-ID-NAME} in {@code machine.slice}, machined puts it in the machine's scope, and the
 * guest's own cgroup is the {@code libvirt} group inside that scope (libvirt's nested group, the
 * one it tunes and splits into emulator and vCPU groups). Also finds such a cgroup again from a
 * running QEMU and names the machine to terminate when the guest stops.
 */
final class MachineScopes {
    /** libvirt's group inside the scope: the scope itself stays systemd's. */
    static final String NESTED = "libvirt";

    private final Machined machined;
    private final Path procRoot;
    private final Path sysNet;

    MachineScopes(Machined machined, Path procRoot, Path sysNet) {
        this.machined = machined;
        this.procRoot = procRoot;
        this.sysNet = sysNet;
    }

    boolean available() {
        return machined.available();
    }

    /**
     * Registers the launched QEMU {@code pid} of guest {@code id} and returns the path of its
     * guest cgroup (relative, no leading slash): the nested group in the scope machined made,
     * limited to {@code maxTasks} tasks when that is above 0.
     */
    String register(int id, DomainDef def, long pid, long maxTasks) throws VirtException {
        String name = CgroupPlacement.machineName(id, def.name());
        machined.createMachine(name, def.uuid(), pid, nicIndexes(def),
                ScopeNames.slice("/" + CgroupPlacement.PARTITION));
        try {
            if (maxTasks > 0) {
                machined.limitTasks(ScopeNames.scope(name), maxTasks);
            }
            String unit = machined.unitOf(pid);
            String scope = scopeOf(pid, unit);
            if (scope == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CGROUP,
                        "systemd did not place process " + pid + " in scope " + unit);
            }
            return scope + "/" + NESTED;
        } catch (VirtException e) {
            machined.terminate(name);
            throw e;
        }
    }

    /** The machine to terminate for the guest cgroup at {@code path}; null for one not in a machine scope. */
    static String machineOf(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2 || !parts[parts.length - 1].equals(NESTED)) {
            return null;
        }
        return ScopeNames.machineOf(parts[parts.length - 2]);
    }

    void terminate(String machine) throws VirtException {
        machined.terminate(machine);
    }

    /**
     * The guest cgroup of a QEMU placed through machined, from its {@code /proc/PID/cgroup}
     * (any hierarchy's line: QEMU's main thread may sit in the group's {@code emulator} child);
     * null when it is not in one.
     */
    static String ofProcess(Path procRoot, long pid) {
        for (String p : CgroupPlacement.placements(procRoot, pid)) {
            String group = p.endsWith("/emulator") ? p.substring(0, p.length() - "/emulator".length()) : p;
            if (group.endsWith("/" + NESTED) && machineOf(group.substring(1)) != null) {
                return group.substring(1);
            }
        }
        return null;
    }

    /** The scope {@code unit} as a path: where the named systemd hierarchy or the unified tree has {@code pid}. */
    private String scopeOf(long pid, String unit) {
        for (String p : CgroupPlacement.placements(procRoot, pid)) {
            if (p.endsWith("/" + unit)) {
                return p.substring(1);
            }
        }
        return null;
    }

    /** The host ends of the guest's tap NICs, as interface indexes (libvirt's nicindexes). */
    private List<Integer> nicIndexes(DomainDef def) {
        List<Integer> out = new ArrayList<>();
        if (def.devices() == null) {
            return out;
        }
        for (var nic : def.devices().interfaces()) {
            if (HostNics.tapType(nic) && nic.targetDev() != null) {
                try {
                    out.add(Integer.parseInt(Files.readString(sysNet.resolve(nic.targetDev()).resolve("ifindex")).strip()));
                } catch (IOException | NumberFormatException e) {
                    // a tap that is already gone has no index to give
                }
            }
        }
        return out;
    }
}
