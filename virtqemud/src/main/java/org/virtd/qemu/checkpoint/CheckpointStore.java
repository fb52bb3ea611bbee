package org.virtd.qemu.checkpoint;

import org.virtd.qemu.xml.MetadataFiles;
import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Checkpoint metadata as libvirt keeps it: {@code <state>/qemu/checkpoint/DOMAIN/NAME.xml}
 * (0600, the generated-file comment, then the full XML), replaced atomically. A file that
 * cannot be read is logged and skipped, never rewritten.
 */
public final class CheckpointStore {
    private final MetadataFiles<CheckpointDef> files;

    public CheckpointStore(Path dir) {
        this.files = new MetadataFiles<>(dir, "checkpoint", CheckpointStore::read);
    }

    Path file(String domain, String name) {
        return files.file(domain, name);
    }

    void save(String domain, CheckpointDef def) throws VirtException {
        files.save(domain, def.name(), CheckpointXml.format(def, true, null));
    }

    void delete(String domain, String name) throws VirtException {
        files.delete(domain, name);
    }

    /** Removes the domain's checkpoint directory once it is empty. */
    void dropDirectory(String domain) {
        files.dropDirectory(domain);
    }

    /** The domain's checkpoints on disk, oldest first. */
    List<CheckpointDef> load(String domain) {
        List<CheckpointDef> out = files.load(domain);
        out.sort(Comparator.comparingLong(CheckpointDef::creationTime));
        return out;
    }

    static CheckpointDef read(String text) throws VirtException {
        int root = text.indexOf("<domaincheckpoint");
        String body = root < 0 ? text : text.substring(root);
        CheckpointXml.Parsed p = CheckpointXml.parse(body);
        return new CheckpointDef(p.name(), p.description(), p.parent(),
                p.creationTime() == null ? 0 : p.creationTime(), p.disks(), XmlElements.block(body, "domain"));
    }
}
