package org.virtd.qemu.checkpoint;

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
import java.util.Comparator;
import java.util.List;

/**
 * Checkpoint metadata as libvirt keeps it: {@code <state>/qemu/checkpoint/DOMAIN/NAME.xml}
 * (0600, the generated-file comment, then the full XML), replaced atomically. A file that
 * cannot be read is logged and skipped, never rewritten.
 */
public final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    Path file(String domain, String name) {
        return dir.resolve(domain).resolve(name + ".xml");
    }

    void save(String domain, CheckpointDef def) throws VirtException {
        Path target = file(domain, def.name());
        Path temp = target.resolveSibling("." + def.name() + ".xml.new");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, header() + CheckpointXml.format(def, true, null), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot save checkpoint metadata '" + target + "': " + e.getMessage());
        }
    }

    void delete(String domain, String name) throws VirtException {
        Path f = file(domain, name);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to unlink " + f + ": " + e.getMessage());
        }
    }

    /** Removes the domain's checkpoint directory once it is empty. */
    void dropDirectory(String domain) {
        try {
            Files.deleteIfExists(dir.resolve(domain));
        } catch (IOException e) {
            LOG.debug("checkpoint directory of '{}' kept: {}", domain, e.getMessage());
        }
    }

    /** The domain's checkpoints on disk, oldest first. */
    List<CheckpointDef> load(String domain) {
        List<CheckpointDef> out = new ArrayList<>();
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
                    LOG.error("skipping unreadable checkpoint metadata {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.error("cannot list checkpoint metadata in {}: {}", d, e.getMessage());
        }
        out.sort(Comparator.comparingLong(CheckpointDef::creationTime));
        return out;
    }

    static CheckpointDef read(String text) throws VirtException {
        int root = text.indexOf("<domaincheckpoint");
        String body = root < 0 ? text : text.substring(root);
        CheckpointXml.Parsed p = CheckpointXml.parse(body);
        return new CheckpointDef(p.name(), p.description(), p.parent(),
                p.creationTime() == null ? 0 : p.creationTime(), p.disks(), CheckpointXml.domainBlock(body));
    }

    private static String header() {
        return "<!--\n"
                + "WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n"
                + "OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n"
                + "  virsh checkpoint-edit\n"
                + "or other application using the libvirt API.\n"
                + "-->\n\n";
    }
}
