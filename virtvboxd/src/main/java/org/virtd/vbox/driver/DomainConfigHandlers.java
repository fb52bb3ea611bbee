package org.virtd.vbox.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainListFilter;
import org.virtd.conf.state.DomainObj;
import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.Checks;
import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags.Undefine;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainList;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.Output;
import org.virtd.vbox.mapping.DefinePlan;
import org.virtd.vbox.mapping.MachineDomain;
import org.virtd.vbox.mapping.VBoxDevicesXml;
import org.virtd.vbox.mapping.VBoxXmlConf;
import org.virtd.vbox.manage.VBoxVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vbox driver's configuration calls (vbox-driver.md §2, §5): define as a fresh VirtualBox
 * machine built by the {@link DefinePlan} steps and removed again when any step fails, undefine
 * that unregisters and deletes the settings file but keeps disk images, lookups and listings
 * over {@link Machines}. Raises DEFINED/UNDEFINED lifecycle events for the changes it makes.
 */
final class DomainConfigHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(DomainConfigHandlers.class);
    static final int DEFINE_VALIDATE = 1;
    static final int EVENT_DEFINED = 0;
    static final int EVENT_UNDEFINED = 1;
    private static final Pattern SETTINGS_FILE = Pattern.compile("(?m)^Settings file: '(.*)'\\s*$");
    private static final int STATE_FILTERS = DomainListFilter.RUNNING | DomainListFilter.PAUSED
            | DomainListFilter.SHUTOFF | DomainListFilter.OTHER;

    private final MachinesSource machines;

    DomainConfigHandlers(MachinesSource machines) {
        this.machines = machines;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_DEFINE_XML, (c, xml) -> define(c, xml, 0));
        t.on(RemoteProgram.DOMAIN_DEFINE_XML_FLAGS, (c, a) -> define(c, a.xml(), a.flags()));
        t.on(RemoteProgram.DOMAIN_UNDEFINE, (c, d) -> {
            undefine(c, d, 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_UNDEFINE_FLAGS, (c, a) -> {
            undefine(c, a.domain(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, (c, name) -> machines.get().byName(name).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, (c, uuid) ->
                machines.get().byUuid(new DomainRef("", uuid, -1).javaUuid()).ref());
        t.on(RemoteProgram.DOMAIN_LOOKUP_BY_ID, (c, id) -> machines.get().byId(id).ref());
        t.on(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, (c, a) -> listAll(a.needResults(), a.flags()));
        t.on(RemoteProgram.CONNECT_NUM_OF_DOMAINS, (c, a) -> (int) listed().stream().filter(Machines.Listed::active).count());
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_DOMAINS, (c, a) ->
                (int) listed().stream().filter(l -> !l.active()).count());
        t.on(RemoteProgram.CONNECT_LIST_DOMAINS, (c, max) -> {
            Checks.domainListMax(max, "maxids > REMOTE_DOMAIN_LIST_MAX");
            return listed().stream().filter(Machines.Listed::active).map(Machines.Listed::id).limit(Math.max(max, 0))
                    .toList();
        });
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_DOMAINS, (c, max) -> {
            Checks.domainListMax(max, "maxnames > REMOTE_DOMAIN_LIST_MAX");
            return listed().stream().filter(l -> !l.active()).map(Machines.Listed::name)
                    .sorted(Comparator.naturalOrder()).limit(Math.max(max, 0)).toList();
        });
    }

    private List<Machines.Listed> listed() throws VirtException {
        return machines.get().list();
    }

    /** DOMAIN_DEFINE_XML(_FLAGS): always a new machine; on a failing step nothing stays registered. */
    DomainRef define(CallContext ctx, String xml, int flags) throws VirtException {
        Flags.check(flags, DEFINE_VALIDATE, "vboxDomainDefineXMLFlags");
        DomainDef def = VBoxXmlConf.PARSER.parse(xml, (flags & DEFINE_VALIDATE) != 0);
        if (!"vbox".equals(def.type())) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    "could not find capabilities for arch=" + MachineDomain.hostArch()
                            + " domaintype=" + def.type());
        }
        Machines m = machines.get();
        VBoxVersion version = m.version();
        DefinePlan plan = DefinePlan.of(def, def.uuid() != null ? def.uuid() : UUID.randomUUID(),
                VBoxDevicesXml.parse(xml), version == null || version.major() >= 7);
        DomainRef ref = m.locked(plan.uuid(), () -> {
            Output created = m.manage().call(plan.create().toArray(String[]::new));
            Path settings = settingsFile(created.stdout());
            for (List<String> step : plan.configure()) {
                try {
                    m.manage().call(step.toArray(String[]::new));
                } catch (VirtException e) {
                    rollback(m, plan.uuid(), settings);
                    throw e;
                }
            }
            return new DomainRef(def.name(), DomainRef.uuidBytes(plan.uuid()), -1);
        });
        ctx.events().domainEvent(new LifecycleEvent(ref, EVENT_DEFINED, 0));
        return ref;
    }

    /** Removes a half-made machine: unregister (never --delete: the disks are the caller's), then its files. */
    private static void rollback(Machines m, UUID uuid, Path settings) {
        try {
            Output out = m.manage().run(List.of("unregistervm", uuid.toString()));
            if (!out.ok()) {
                LOG.error("cannot unregister half-defined machine {}: {}", uuid, out.stderr().strip());
            }
        } catch (VirtException e) {
            LOG.error("cannot unregister half-defined machine {}: {}", uuid, e.getMessage());
        }
        deleteSettings(settings);
    }

    /** DOMAIN_UNDEFINE(_FLAGS): unregister, delete the settings file; disk images stay. */
    void undefine(CallContext ctx, DomainRef ref, int flags) throws VirtException {
        Flags.check(flags, Undefine.SNAPSHOTS_METADATA, "vboxDomainUndefineFlags");
        Machines m = machines.get();
        m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            m.manage().call("unregistervm", info.uuid().toString());
            deleteSettings(info.settingsFile() == null ? null : Path.of(info.settingsFile()));
            ctx.events().domainEvent(new LifecycleEvent(
                    new DomainRef(info.name(), DomainRef.uuidBytes(info.uuid()), -1), EVENT_UNDEFINED, 0));
            return null;
        });
    }

    static Path settingsFile(String createvmOutput) {
        Matcher mt = SETTINGS_FILE.matcher(createvmOutput);
        return mt.find() ? Path.of(mt.group(1)) : null;
    }

    /** The settings file, its backup and logs; then the machine folder if nothing else is in it. */
    static void deleteSettings(Path settings) {
        if (settings == null) {
            return;
        }
        try {
            Files.deleteIfExists(settings);
            Files.deleteIfExists(Path.of(settings + "-prev"));
            Path dir = settings.getParent();
            Path logs = dir.resolve("Logs");
            if (Files.isDirectory(logs)) {
                try (var files = Files.list(logs)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(logs);
            }
            try (var rest = Files.list(dir)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the settings of an undefined machine ({}): {}", settings, e.getMessage());
        }
    }

    DomainList listAll(int needResults, int flags) throws VirtException {
        Machines m = machines.get();
        List<DomainRef> out = new ArrayList<>();
        int count = 0;
        for (Machines.Listed l : m.list()) {
            // the state group needs each machine's VMState; the other groups are answered by the lists
            int state = (flags & STATE_FILTERS) != 0 ? m.info(l.ref()).state().domainState()
                    : l.active() ? DomainStates.RUNNING : DomainStates.SHUTOFF;
            if (DomainListFilter.matches(new FilterView(state, l.active()), flags)) {
                count++;
                if (needResults != 0) {
                    out.add(l.ref());
                }
            }
        }
        return new DomainList(out, count);
    }

    /** A listed machine as the neutral filter sees it: always persistent, never autostarted. */
    private record FilterView(int state, boolean isActive) implements DomainObj {
        @Override
        public boolean isPersistent() {
            return true;
        }

        @Override
        public boolean isAutostart() {
            return false;
        }
    }
}
