package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainMetadata;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.GetMetadataArgs;
import org.virtd.rpc.remote.types.MetadataChangeEvent;
import org.virtd.rpc.remote.types.SetMetadataArgs;

/**
 * A domain's title, description and applications' metadata elements (virDomainGetMetadata and
 * virDomainSetMetadata): read from the live or the persistent definition, changed in either or
 * both, CONFIG changes stored in the config file and LIVE ones in the status file; every
 * successful change raises METADATA_CHANGE with the type and namespace.
 */
final class DomainMetadataHandlers {

    /** virDomainMetadataType. */
    static final int DESCRIPTION = 0;
    static final int TITLE = 1;
    static final int ELEMENT = 2;

    private static final int LIVE = ModificationImpact.AFFECT_LIVE;
    private static final int CONFIG = ModificationImpact.AFFECT_CONFIG;

    /** Puts a changed running definition in place (the running half). */
    interface LiveDefs {
        void replace(DomainObject dom, DomainDef live) throws VirtException;
    }

    private final DomainLookup lookup;
    private final LiveDefs liveDefs;

    DomainMetadataHandlers(DomainLookup lookup, LiveDefs liveDefs) {
        this.lookup = lookup;
        this.liveDefs = liveDefs;
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
        DomainObject dom = lookup.resolve(a.domain());
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "virDomainObjGetMetadata", ErrorDomain.DOMAIN);
        if ((a.flags() & LIVE) != 0 && (a.flags() & CONFIG) != 0) {
            throw VirtException.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        ModificationImpact impact = ModificationImpact.of(dom, a.flags());
        DomainDef def = impact.live() ? dom.currentDef() : dom.def();
        String value = switch (a.type()) {
            case DESCRIPTION, TITLE -> {
                Checks.mustBeNull(a.uri(), "uri", "virDomainGetMetadata");
                yield a.type() == TITLE ? def.title() : def.description();
            }
            case ELEMENT -> {
                Checks.mustNotBeNull(a.uri(), "uri", "virDomainGetMetadata");
                yield def.metadata() == null ? null : def.metadata().extract(a.uri());
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
        DomainLookup.checkFlags(a.flags(), LIVE | CONFIG, "qemuDomainSetMetadata", ErrorDomain.QEMU);
        DomainObject dom = lookup.resolve(a.domain());
        return DomainLookup.locked(dom, () -> {
            ModificationImpact impact = ModificationImpact.of(dom, a.flags());
            DomainDef live = impact.live() ? changed(dom.currentDef(), a) : null;
            DomainDef config = impact.config() ? changed(dom.def(), a) : null;
            if (live != null) {
                liveDefs.replace(dom, live);
            }
            if (config != null) {
                lookup.registry().saveConfig(dom, config);
            }
            return dom.ref();
        });
    }

    private static DomainDef changed(DomainDef def, SetMetadataArgs a) throws VirtException {
        String value = a.metadata() == null || a.metadata().isEmpty() ? null : a.metadata();
        switch (a.type()) {
            case DESCRIPTION, TITLE -> {
                Checks.mustBeNull(a.uri(), "uri", "virDomainSetMetadata");
                Checks.mustBeNull(a.key(), "key", "virDomainSetMetadata");
                return a.type() == TITLE ? def.withMetadata(value, def.description(), def.metadata())
                        : def.withMetadata(def.title(), value, def.metadata());
            }
            case ELEMENT -> {
                Checks.mustNotBeNull(a.uri(), "uri", "virDomainSetMetadata");
                DomainMetadata md = def.metadata();
                if (a.metadata() == null) {
                    return md == null ? def : def.withMetadata(def.title(), def.description(), md.without(a.uri()));
                }
                Checks.mustNotBeNull(a.key(), "key", "virDomainSetMetadata");
                DomainMetadata base = md == null ? DomainMetadata.EMPTY : md;
                return def.withMetadata(def.title(), def.description(),
                        base.with(DomainMetadata.adopt(a.metadata(), a.key(), a.uri())));
            }
            default -> throw DomainMetadata.unknownType(a.type());
        }
    }
}
