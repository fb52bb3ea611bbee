package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.DomainStarter;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.function.Supplier;

/**
 * The lifecycle procedures (procedures.md §1e; qemu-driver.md §5–6): create (start a defined
 * domain, optionally paused), create-xml (transient), destroy, shutdown, reboot, reset, suspend
 * and resume, each resolving the domain as every QEMU call does and handing it to the running
 * half. Also provides that half's live setmem/setvcpus to the tuning handlers.
 */
public final class DomainLifecycleHandlers {

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final DomainConfigHandlers.EmulatorSource emulators;
    private final UuidRandom random = UuidRandom.INSTANCE;

    DomainLifecycleHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes,
            DomainConfigHandlers.EmulatorSource emulators) {
        this.lookup = lookup;
        this.processes = processes;
        this.emulators = emulators;
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_CREATE, (c, d) -> {
            processes().starter().start(lookup.resolve(d), 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_CREATE_WITH_FLAGS, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            processes().starter().start(dom, a.flags());
            return dom.ref();
        });
        t.on(RemoteProgram.DOMAIN_CREATE_XML, (c, a) -> createXml(a.xml(), a.flags()));
        t.on(RemoteProgram.DOMAIN_DESTROY, (c, d) -> {
            processes().control().destroy(lookup.resolve(d), 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_DESTROY_FLAGS, (c, a) -> {
            processes().control().destroy(lookup.resolve(a.domain()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SHUTDOWN, (c, d) -> {
            processes().control().shutdown(lookup.resolve(d), 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SHUTDOWN_FLAGS, (c, a) -> {
            processes().control().shutdown(lookup.resolve(a.domain()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_REBOOT, (c, a) -> {
            processes().control().reboot(lookup.resolve(a.domain()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_RESET, (c, a) -> {
            processes().control().reset(lookup.resolve(a.domain()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SUSPEND, (c, d) -> {
            processes().control().suspend(lookup.resolve(d));
            return null;
        });
        t.on(RemoteProgram.DOMAIN_RESUME, (c, d) -> {
            processes().control().resume(lookup.resolve(d));
            return null;
        });
    }

    /** DOMAIN_CREATE_XML: parse (VALIDATE = flag 16), QEMU defaults, run as a transient domain. */
    DomainRef createXml(String xml, int flags) throws VirtException {
        var raw = QemuXmlConf.PARSER.parse(xml, (flags & DomainStarter.START_VALIDATE) != 0);
        GuestEmulators guests = emulators.get();
        var def = new QemuDomainDefaults(guests, random).apply(raw);
        return processes().starter().create(def, flags).ref();
    }

    private DomainProcesses processes() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "the QEMU driver is still starting");
        }
        return p;
    }

    /** The tuning handlers' live half, backed by the running domains. */
    static LiveTuning liveTuning(Supplier<DomainProcesses> processes) {
        return new LiveTuning() {
            @Override
            public void setMemory(DomainObject dom, long kib) throws VirtException {
                processes.get().resources().setMemory(dom, kib);
            }

            @Override
            public void setVcpus(DomainObject dom, int nvcpus) throws VirtException {
                processes.get().resources().setVcpus(dom, nvcpus);
            }

            @Override
            public int guestVcpus(DomainObject dom, boolean maximum) throws VirtException {
                return processes.get().resources().guestVcpus(dom, maximum);
            }

            @Override
            public void setGuestVcpus(DomainObject dom, int nvcpus) throws VirtException {
                processes.get().resources().setGuestVcpus(dom, nvcpus);
            }
        };
    }
}
