package org.virtd.vbox.driver;

import org.virtd.conf.domain.DomainMetadata;
import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.GetMetadataArgs;
import org.virtd.rpc.remote.types.MetadataChangeEvent;
import org.virtd.rpc.remote.types.SetMetadataArgs;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.mapping.MachineMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * virDomainGetMetadata/SetMetadata for VirtualBox machines (issue 12; libvirt's vbox driver has
 * none): the description is the machine's own ({@code modifyvm --description}, so it changes only
 * while the machine is powered off), the title and the metadata elements live in extradata
 * ({@link MachineMetadata}). A machine has one definition, so LIVE and CONFIG name the same one;
 * the argument checks and errors are the common ones of libvirt's drivers. Every change raises
 * METADATA_CHANGE.
 */
final class DomainMetadataHandlers {
    /** virDomainMetadataType. */
    static final int DESCRIPTION = 0;
    static final int TITLE = 1;
    static final int ELEMENT = 2;
    static final int LIVE = 1;
    static final int CONFIG = 2;

    private final MachinesSource machines;

    DomainMetadataHandlers(MachinesSource machines) {
        this.machines = machines;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_METADATA, (c, a) -> get(a));
        t.on(RemoteProgram.DOMAIN_SET_METADATA, (c, a) -> {
            DomainRef ref = set(a);
            c.events().domainEvent(new MetadataChangeEvent(ref, a.type(), a.uri()));
            return null;
        });
    }

    String get(GetMetadataArgs a) throws VirtException {
        Machines m = machines.get();
        MachineInfo info = m.info(a.domain());
        Checks.flags(a.flags(), LIVE | CONFIG, "virDomainObjGetMetadata", ErrorDomain.DOMAIN);
        if ((a.flags() & LIVE) != 0 && (a.flags() & CONFIG) != 0) {
            throw VirtException.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        requireRunning(info, a.flags());
        String value = switch (a.type()) {
            case DESCRIPTION, TITLE -> {
                Checks.mustBeNull(a.uri(), "uri", "virDomainGetMetadata");
                yield a.type() == TITLE ? MachineMetadata.title(m.extraData(info.uuid()))
                        : emptyToNull(info.keys().get("description"));
            }
            case ELEMENT -> {
                Checks.mustNotBeNull(a.uri(), "uri", "virDomainGetMetadata");
                DomainMetadata md = MachineMetadata.elements(m.extraData(info.uuid()));
                yield md == null ? null : md.extract(a.uri());
            }
            default -> throw DomainMetadata.unknownType(a.type());
        };
        if (value == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_METADATA, ErrorDomain.DOMAIN,
                    "Requested metadata element is not present");
        }
        return value;
    }

    /** Changes the metadata; returns the domain for the event. */
    DomainRef set(SetMetadataArgs a) throws VirtException {
        Flags.check(a.flags(), LIVE | CONFIG, "vboxDomainSetMetadata");
        Machines m = machines.get();
        return m.locked(a.domain().javaUuid(), () -> {
            MachineInfo info = m.info(a.domain());
            requireRunning(info, a.flags());
            String id = info.uuid().toString();
            String value = a.metadata() == null || a.metadata().isEmpty() ? null : a.metadata();
            switch (a.type()) {
                case DESCRIPTION, TITLE -> {
                    Checks.mustBeNull(a.uri(), "uri", "virDomainSetMetadata");
                    Checks.mustBeNull(a.key(), "key", "virDomainSetMetadata");
                    if (a.type() == TITLE) {
                        if (value != null && value.contains("\n")) {
                            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                                    "title can't contain newlines");
                        }
                        m.manage().call(setExtraData(id, MachineMetadata.TITLE_KEY, value));
                    } else {
                        m.manage().call("modifyvm", id, "--description", value == null ? "" : value);
                    }
                }
                case ELEMENT -> {
                    Checks.mustNotBeNull(a.uri(), "uri", "virDomainSetMetadata");
                    String stored = null;
                    if (a.metadata() != null) {
                        Checks.mustNotBeNull(a.key(), "key", "virDomainSetMetadata");
                        DomainMetadata md = DomainMetadata.EMPTY.with(DomainMetadata.adopt(a.metadata(), a.key(),
                                a.uri()));
                        stored = MachineMetadata.stored(md, a.uri());
                    }
                    m.manage().call(setExtraData(id, MachineMetadata.ELEMENT_PREFIX + a.uri(), stored));
                }
                default -> throw DomainMetadata.unknownType(a.type());
            }
            return new DomainRef(info.name(), DomainRef.uuidBytes(info.uuid()), a.domain().id());
        });
    }

    /** {@code setextradata VM KEY [VALUE]}: without a value VirtualBox deletes the item. */
    private static String[] setExtraData(String id, String key, String value) {
        List<String> a = new ArrayList<>(List.of("setextradata", id, key));
        if (value != null) {
            a.add(value);
        }
        return a.toArray(String[]::new);
    }

    /** LIVE on a machine that is not running is libvirt's usual "domain is not running". */
    private static void requireRunning(MachineInfo info, int flags) throws VirtException {
        if ((flags & LIVE) != 0 && !info.state().online()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
