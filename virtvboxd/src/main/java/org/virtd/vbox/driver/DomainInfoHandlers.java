package org.virtd.vbox.driver;

import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags.ModificationImpact;
import org.virtd.rpc.remote.DomainFlags.Vcpu;
import org.virtd.rpc.remote.DomainFlags.Xml;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainInfo;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainState;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineState;
import org.virtd.vbox.manage.SnapshotTree;
import org.virtd.vbox.manage.SystemProperties;
import org.virtd.vbox.mapping.MachineDevices;
import org.virtd.vbox.mapping.MachineDomain;
import org.virtd.vbox.mapping.VBoxDevicesXml;

import java.util.Map;

/**
 * Questions about one machine (vbox-driver.md §2–4): XML, info, state (reason always 0), OS
 * type, activity, persistence (always), managed save (= VirtualBox's Saved state) and vCPU
 * counts, which libvirt's vbox driver answers with VirtualBox's MaxGuestCPUCount.
 */
final class DomainInfoHandlers {
    private final MachinesSource machines;

    DomainInfoHandlers(MachinesSource machines) {
        this.machines = machines;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_XML_DESC, (c, a) -> xmlDesc(a.domain(), a.flags()));
        t.on(RemoteProgram.DOMAIN_GET_INFO, (c, d) -> info(d));
        t.on(RemoteProgram.DOMAIN_GET_STATE, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainGetState");
            return new DomainState(machines.get().info(a.domain()).state().domainState(), 0);
        });
        t.on(RemoteProgram.DOMAIN_GET_OS_TYPE, (c, d) -> {
            machines.get().info(d);
            return "hvm";
        });
        t.on(RemoteProgram.DOMAIN_IS_ACTIVE, (c, d) -> machines.get().info(d).state().online() ? 1 : 0);
        t.on(RemoteProgram.DOMAIN_IS_PERSISTENT, (c, d) -> {
            machines.get().info(d);
            return 1;
        });
        t.on(RemoteProgram.DOMAIN_IS_UPDATED, (c, d) -> {
            machines.get().info(d);
            return 0;
        });
        t.on(RemoteProgram.DOMAIN_HAS_MANAGED_SAVE_IMAGE, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainHasManagedSaveImage");
            return machines.get().info(a.domain()).state() == MachineState.SAVED ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_GET_VCPUS_FLAGS, (c, a) -> vcpus(a.domain(), a.flags()));
        t.on(RemoteProgram.DOMAIN_GET_MAX_VCPUS, (c, d) -> vcpus(d, ModificationImpact.LIVE | Vcpu.MAXIMUM));
    }

    /** DOMAIN_GET_XML_DESC: the common XML flags only; the id is printed while the machine is online. */
    String xmlDesc(DomainRef ref, int flags) throws VirtException {
        Flags.check(flags, Xml.SECURE | Xml.INACTIVE | Xml.MIGRATABLE, "vboxDomainGetXMLDesc");
        Machines m = machines.get();
        MachineInfo info = m.info(ref);
        int id = info.state().online() && (flags & Xml.INACTIVE) == 0 ? m.idOf(info.uuid()) : -1;
        Map<String, String> extra = m.extraData(info.uuid());
        String audio = MachineDevices.audioEnabled(info.keys()) ? m.audioController(info) : null;
        String xml = DomainXmlFormatter.format(MachineDomain.of(info, MachineDomain.hostArch(), extra),
                new DomainXmlFormatter.Options(id, (flags & Xml.SECURE) != 0));
        return VBoxDevicesXml.splice(xml, MachineDevices.of(info.keys(), extra, audio, System.getenv("DISPLAY")));
    }

    DomainInfo info(DomainRef ref) throws VirtException {
        Machines m = machines.get();
        MachineInfo info = m.info(ref);
        long maxMiB = m.systemProperties().number(SystemProperties.MAX_GUEST_RAM_MIB, info.memoryMiB());
        return new DomainInfo(info.state().domainState(), maxMiB * 1024, info.memoryMiB() * 1024, info.cpus(), 0);
    }

    /** VirtualBox's snapshot count: the {@code SnapshotName…} lines of {@code snapshot list --machinereadable}. */
    int snapshotCount(DomainRef ref) throws VirtException {
        return SnapshotTree.of(machines.get().info(ref).keys()).size();
    }

    /** libvirt's vboxDomainGetVcpusFlags accepts exactly LIVE|MAXIMUM and answers the host's guest maximum. */
    int vcpus(DomainRef ref, int flags) throws VirtException {
        if (flags != (ModificationImpact.LIVE | Vcpu.MAXIMUM)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    String.format("unsupported flags: (0x%x)", flags));
        }
        Machines m = machines.get();
        m.info(ref);
        return HostHandlers.maxGuestCpus(m);
    }
}
