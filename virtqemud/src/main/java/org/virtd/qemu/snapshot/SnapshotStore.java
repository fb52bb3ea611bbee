package org.virtd.qemu.snapshot;

import org.virtd.qemu.xml.MetadataFiles;
import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.util.List;

/**
 * Snapshot metadata on disk as libvirt keeps it: {@code <dir>/DOMAIN/NAME.xml} (0600, the
 * generated-file comment, then the metadata form with {@code <active>}), replaced atomically.
 * A file that cannot be read is logged and skipped at load, never rewritten.
 */
public final class SnapshotStore {

    /** A snapshot found on disk and whether it was the current one. */
    public record Loaded(SnapshotDef def, boolean current) {
    }

    private final MetadataFiles<Loaded> files;

    /** @param dir libvirt's snapshot directory, {@code <state>/qemu/snapshot} */
    public SnapshotStore(Path dir) {
        this.files = new MetadataFiles<>(dir, "snapshot", SnapshotStore::read);
    }

    public Path file(String domain, String name) {
        return files.file(domain, name);
    }

    public void save(String domain, SnapshotDef def, boolean current) throws VirtException {
        files.save(domain, def.name(), SnapshotXml.formatMetadata(def, current));
    }

    public void delete(String domain, String name) throws VirtException {
        files.delete(domain, name);
    }

    /** Removes the domain's snapshot directory once it is empty. */
    public void dropDirectory(String domain) {
        files.dropDirectory(domain);
    }

    /** The domain's snapshots on disk, oldest first. */
    public List<Loaded> load(String domain) {
        List<Loaded> out = files.load(domain);
        out.sort((a, b) -> Long.compare(a.def().creationTime(), b.def().creationTime()));
        return out;
    }

    static Loaded read(String text) throws VirtException {
        int root = text.indexOf("<domainsnapshot");
        String body = root < 0 ? text : text.substring(root);
        SnapshotXml.Parsed p = SnapshotXml.parse(body);
        SnapshotDef def = new SnapshotDef(p.name(), p.description(), p.state(), p.parent(), p.creationTime(),
                p.memory(), p.memoryFile(), p.disks(), XmlElements.block(body, "domain"),
                SnapshotXml.renamed(XmlElements.block(body, "inactiveDomain"), "inactiveDomain", "domain"), XmlElements.block(body, "cookie"));
        return new Loaded(def, p.active());
    }
}
