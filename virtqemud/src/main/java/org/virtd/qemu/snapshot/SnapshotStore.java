package org.virtd.qemu.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot metadata on disk as libvirt keeps it: {@code <dir>/DOMAIN/NAME.xml} (0600, the
 * generated-file comment, then the metadata form with {@code <active>}), replaced atomically.
 * A file that cannot be read is logged and skipped at load, never rewritten.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    /** A snapshot found on disk and whether it was the current one. */
    public record Loaded(SnapshotDef def, boolean current) {
    }

    private final Path dir;

    /** @param dir libvirt's snapshot directory, {@code <state>/qemu/snapshot} */
    public SnapshotStore(Path dir) {
        this.dir = dir;
    }

    public Path file(String domain, String name) {
        return dir.resolve(domain).resolve(name + ".xml");
    }

    public void save(String domain, SnapshotDef def, boolean current) throws VirtException {
        Path target = file(domain, def.name());
        Path temp = target.resolveSibling("." + def.name() + ".xml.new");
        String text = header() + SnapshotXml.formatMetadata(def, current);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot save snapshot metadata '" + target + "': " + e.getMessage());
        }
    }

    public void delete(String domain, String name) throws VirtException {
        Path f = file(domain, name);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to unlink " + f + ": " + e.getMessage());
        }
    }

    /** Removes the domain's snapshot directory once it is empty. */
    public void dropDirectory(String domain) {
        try {
            Files.deleteIfExists(dir.resolve(domain));
        } catch (IOException e) {
            LOG.debug("snapshot directory of '{}' kept: {}", domain, e.getMessage());
        }
    }

    public List<Loaded> load(String domain) {
        List<Loaded> out = new ArrayList<>();
        Path d = dir.resolve(domain);
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d, "*.xml")) {
            for (Path f : files) {
                if (f.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    out.add(read(Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException | VirtException | RuntimeException e) {
                    LOG.error("skipping unreadable snapshot metadata {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.error("cannot list snapshot metadata in {}: {}", d, e.getMessage());
        }
        out.sort((a, b) -> Long.compare(a.def().creationTime(), b.def().creationTime()));
        return out;
    }

    static Loaded read(String text) throws VirtException {
        int root = text.indexOf("<domainsnapshot");
        String body = root < 0 ? text : text.substring(root);
        SnapshotXml.Parsed p = SnapshotXml.parse(body);
        SnapshotDef def = new SnapshotDef(p.name(), p.description(), p.state(), p.parent(), p.creationTime(),
                p.memory(), p.memoryFile(), p.disks(), SnapshotXml.block(body, "domain"),
                SnapshotXml.renamed(SnapshotXml.block(body, "inactiveDomain"), "inactiveDomain", "domain"), SnapshotXml.block(body, "cookie"));
        return new Loaded(def, p.active());
    }

    private static String header() {
        return "<!--\n"
                + "WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n"
                + "OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n"
                + "  virsh snapshot-edit\n"
                + "or other application using the libvirt API.\n"
                + "-->\n\n";
    }
}
