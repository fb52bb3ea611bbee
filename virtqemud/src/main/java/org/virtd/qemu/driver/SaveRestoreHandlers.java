package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.lifecycle.CoreDumps;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.DomainSaves;
import org.virtd.qemu.saveimage.SaveImage;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guest state to disk (procedures.md §1e): save and restore with their flags, the XML inside a
 * save image (read and replaced), managed save with its query, removal, XML and the start that
 * resumes from it, and core dumps. Resolves domains and parses XML, then hands over to the
 * running half's {@link DomainSaves} and {@link CoreDumps}.
 */
public final class SaveRestoreHandlers {
    private static final int SECURE = DomainFlags.SecureXml.SAVE_IMAGE;
    /** The definition model keeps no {@code <resource>}; an image's partition is carried over from its text. */
    private static final Pattern PARTITION = Pattern.compile("<resource>\\s*<partition>([^<]+)</partition>");

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final DomainConfigHandlers.EmulatorSource emulators;

    SaveRestoreHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes,
            DomainConfigHandlers.EmulatorSource emulators) {
        this.lookup = lookup;
        this.processes = processes;
        this.emulators = emulators;
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SAVE, (c, a) -> {
            saves().save(lookup.resolve(a.domain()), Path.of(a.path()), null, 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SAVE_FLAGS, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            saves().save(dom, Path.of(a.to()), a.dxml() == null ? null : parse(a.dxml()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_RESTORE, (c, from) -> {
            restore(from, null, 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_RESTORE_FLAGS, (c, a) -> {
            restore(a.from(), a.dxml(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SAVE_PARAMS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), DomainSaves.BYPASS_CACHE | DomainSaves.RUNNING | DomainSaves.PAUSED,
                    "qemuDomainSaveParams");
            Map<String, String> p = SaveParams.read(a.params());
            DomainObject dom = lookup.resolve(a.domain());
            String to = p.get(SaveParams.FILE);
            String dxml = p.get(SaveParams.DXML);
            DomainDef replacement = dxml == null ? null : parse(dxml);
            if (to == null) {
                saves().managedSave(dom, replacement, a.flags());
            } else {
                saves().save(dom, Path.of(to), replacement, a.flags());
            }
            return null;
        });
        t.on(RemoteProgram.DOMAIN_RESTORE_PARAMS, (c, a) -> {
            Map<String, String> p = SaveParams.read(a.params());
            restore(SaveParams.restoreFile(p), p.get(SaveParams.DXML), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_SAVE_IMAGE_GET_XML_DESC, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SECURE, "qemuDomainSaveImageGetXMLDesc");
            return imageXml(Path.of(a.file()), a.flags());
        });
        t.on(RemoteProgram.DOMAIN_SAVE_IMAGE_DEFINE_XML, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), DomainSaves.RUNNING | DomainSaves.PAUSED,
                    "qemuDomainSaveImageDefineXML");
            redefine(Path.of(a.file()), a.dxml(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_MANAGED_SAVE, (c, a) -> {
            saves().managedSave(lookup.resolve(a.domain()), null, a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_MANAGED_SAVE_REMOVE, (c, a) -> {
            saves().managedSaveRemove(lookup.resolve(a.domain()), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_HAS_MANAGED_SAVE_IMAGE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainHasManagedSaveImage");
            return lookup.resolve(a.domain()).hasManagedSave() ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_MANAGED_SAVE_GET_XML_DESC, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SECURE, "qemuDomainManagedSaveGetXMLDesc");
            DomainObject dom = lookup.resolve(a.domain());
            return imageXml(saves().requireManagedSave(dom), a.flags());
        });
        t.on(RemoteProgram.DOMAIN_MANAGED_SAVE_DEFINE_XML, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), DomainSaves.RUNNING | DomainSaves.PAUSED,
                    "qemuDomainManagedSaveDefineXML");
            DomainObject dom = lookup.resolve(a.domain());
            redefine(saves().requireManagedSave(dom), a.dxml(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_CORE_DUMP, (c, a) -> {
            processes().dumps().dump(lookup.resolve(a.domain()), Path.of(a.path()), 0, a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_CORE_DUMP_WITH_FORMAT, (c, a) -> {
            processes().dumps().dump(lookup.resolve(a.domain()), Path.of(a.to()), a.dumpformat(), a.flags());
            return null;
        });
    }

    private void restore(String from, String dxml, int flags) throws VirtException {
        DomainLookup.checkFlags(flags, DomainSaves.BYPASS_CACHE | DomainSaves.RUNNING | DomainSaves.PAUSED
                | DomainSaves.RESET_NVRAM, "qemuDomainRestoreInternal");
        Path file = Path.of(from);
        SaveImage image = SaveImage.read(file);
        DomainDef def = parse(dxml != null ? dxml : image.xml());
        saves().restore(file, image, def, flags);
    }

    /** A save image's XML as the inactive definition it holds. */
    private String imageXml(Path file, int flags) throws VirtException {
        String xml = SaveImage.read(file).xml();
        DomainDef def = parse(xml);
        Matcher m = PARTITION.matcher(xml);
        DomainXmlFormatter.Runtime partition = m.find() ? new DomainXmlFormatter.Runtime(m.group(1), null) : null;
        return DomainXmlFormatter.format(def, new DomainXmlFormatter.Options(-1, (flags & SECURE) != 0, partition));
    }

    /** Replaces the XML in an image; a null XML keeps it and only changes the run/paused choice. */
    private void redefine(Path file, String dxml, int flags) throws VirtException {
        DomainDef def = parse(dxml != null ? dxml : SaveImage.read(file).xml());
        saves().redefine(file, def, flags);
    }

    private DomainDef parse(String xml) throws VirtException {
        return new QemuDomainDefaults(emulators.get(), UuidRandom.INSTANCE).apply(QemuXmlConf.PARSER.parse(xml, false));
    }

    private DomainSaves saves() throws VirtException {
        return processes().saves();
    }

    private DomainProcesses processes() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p;
    }
}
