package org.virtd.vbox.driver;

import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineState;

/**
 * Starting and stopping machines (vbox-driver.md §5, §7): create = {@code startvm --type
 * headless} (a daemon has no display), suspend/resume = pause/resume, shutdown = ACPI power
 * button, reboot = hard reset, destroy = power off, save = savestate (the path is ignored, as
 * libvirt does). libvirt's state preconditions and messages come first; what VirtualBox then
 * refuses reaches the client through the error table. Lifecycle events for what the daemon did.
 */
final class DomainLifecycleHandlers {
    static final int STARTED_RESTORED = 1;
    static final int STOPPED_SAVED = 4;

    private final MachinesSource machines;
    private final DomainConfigHandlers config;
    private final OnlineNotes notes;

    DomainLifecycleHandlers(MachinesSource machines, DomainConfigHandlers config, OnlineNotes notes) {
        this.machines = machines;
        this.config = config;
        this.notes = notes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_CREATE, (c, d) -> {
            create(c, d);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_CREATE_WITH_FLAGS, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainCreateWithFlags");
            return create(c, a.domain());
        });
        t.on(RemoteProgram.DOMAIN_CREATE_XML, (c, a) -> createXml(c, a.xml(), a.flags()));
        t.on(RemoteProgram.DOMAIN_SUSPEND, (c, d) -> control(c, d, "pause"));
        t.on(RemoteProgram.DOMAIN_RESUME, (c, d) -> control(c, d, "resume"));
        t.on(RemoteProgram.DOMAIN_SHUTDOWN, (c, d) -> control(c, d, "acpipowerbutton"));
        t.on(RemoteProgram.DOMAIN_SHUTDOWN_FLAGS, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainShutdownFlags");
            return control(c, a.domain(), "acpipowerbutton");
        });
        t.on(RemoteProgram.DOMAIN_REBOOT, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainReboot");
            return control(c, a.domain(), "reset");
        });
        t.on(RemoteProgram.DOMAIN_DESTROY, (c, d) -> control(c, d, "poweroff"));
        t.on(RemoteProgram.DOMAIN_DESTROY_FLAGS, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainDestroyFlags");
            return control(c, a.domain(), "poweroff");
        });
        t.on(RemoteProgram.DOMAIN_SAVE, (c, a) -> control(c, a.domain(), "savestate"));
    }

    /** DOMAIN_CREATE: only from PoweredOff, Saved or Aborted; a saved machine resumes its state. */
    DomainRef create(CallContext ctx, DomainRef ref) throws VirtException {
        Machines m = machines.get();
        return m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            if (!info.state().startable()) {
                throw failed("machine is not in poweroff|saved|aborted state, so couldn't start it");
            }
            m.manage().call("startvm", info.uuid().toString(), "--type", "headless");
            notes.note(info.uuid(), info.name(), true);
            DomainRef started = new DomainRef(info.name(), DomainRef.uuidBytes(info.uuid()), m.idOf(info.uuid()));
            ctx.events().domainEvent(new LifecycleEvent(started, DomainStates.EVENT_STARTED,
                    info.state() == MachineState.SAVED ? STARTED_RESTORED : DomainStates.STARTED_BOOTED));
            return started;
        });
    }

    /** DOMAIN_CREATE_XML: define, start, and undefine again when the start fails. */
    DomainRef createXml(CallContext ctx, String xml, int flags) throws VirtException {
        Flags.check(flags, 0, "vboxDomainCreateXML");
        DomainRef defined = config.define(ctx, xml, 0);
        try {
            return create(ctx, defined);
        } catch (VirtException e) {
            try {
                config.undefine(ctx, defined, 0);
            } catch (VirtException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** One {@code controlvm} action after libvirt's precondition for it. */
    Void control(CallContext ctx, DomainRef ref, String action) throws VirtException {
        Machines m = machines.get();
        return m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            requireState(info.state(), action);
            m.manage().call("controlvm", info.uuid().toString(), action);
            if (action.equals("poweroff") || action.equals("savestate")) {
                notes.note(info.uuid(), info.name(), false);
            }
            LifecycleEvent event = eventFor(action, new DomainRef(info.name(), DomainRef.uuidBytes(info.uuid()), -1));
            if (event != null) {
                ctx.events().domainEvent(event);
            }
            return null;
        });
    }

    /** libvirt's preconditions (vbox-driver.md §5), all OPERATION_FAILED. */
    static void requireState(MachineState s, String action) throws VirtException {
        switch (action) {
            case "pause" -> {
                if (s != MachineState.RUNNING) {
                    throw failed("machine not in running state to suspend it");
                }
            }
            case "resume" -> {
                if (s != MachineState.PAUSED) {
                    throw failed("machine not paused, so can't resume it");
                }
            }
            case "acpipowerbutton" -> {
                if (s == MachineState.PAUSED) {
                    throw failed("machine paused, so can't power it down");
                }
                if (!s.online()) {
                    throw failed("machine already powered down");
                }
            }
            case "reset" -> {
                if (s != MachineState.RUNNING) {
                    throw failed("machine not running, so can't reboot it");
                }
            }
            case "poweroff" -> {
                if (!s.online()) {
                    throw failed("machine already powered down");
                }
            }
            default -> {
            }
        }
    }

    private static LifecycleEvent eventFor(String action, DomainRef ref) {
        return switch (action) {
            case "pause" -> new LifecycleEvent(ref, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
            case "resume" -> new LifecycleEvent(ref, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
            case "poweroff" -> new LifecycleEvent(ref, DomainStates.EVENT_STOPPED, DomainStates.STOPPED_DESTROYED);
            case "savestate" -> new LifecycleEvent(ref, DomainStates.EVENT_STOPPED, STOPPED_SAVED);
            default -> null;
        };
    }

    private static VirtException failed(String message) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.VBOX, message);
    }
}
