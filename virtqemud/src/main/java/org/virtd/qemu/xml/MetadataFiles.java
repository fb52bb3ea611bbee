package org.virtd.qemu.xml;

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
 * Per-domain metadata files as libvirt keeps them for snapshots and checkpoints:
 * {@code DIR/DOMAIN/NAME.xml}, mode 0600, libvirt's generated-file comment naming the virsh
 * command that edits them, then the XML; replaced atomically. A file that cannot be read is
 * logged and skipped at load, never rewritten.
 *
 * @param <T> what one file holds once read
 */
public final class MetadataFiles<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataFiles.class);

    /** Reads one file's text (comment included) into its object. */
    public interface Reader<T> {
        T read(String text) throws VirtException;
    }

    private final Path dir;
    private final String kind;
    private final Reader<T> reader;

    /** @param kind "snapshot" or "checkpoint": names the files in errors and the virsh edit command */
    public MetadataFiles(Path dir, String kind, Reader<T> reader) {
        this.dir = dir;
        this.kind = kind;
        this.reader = reader;
    }

    public Path file(String domain, String name) {
        return dir.resolve(domain).resolve(name + ".xml");
    }

    /** Writes {@code xml} with libvirt's comment in front, through a temporary file. */
    public void save(String domain, String name, String xml) throws VirtException {
        Path target = file(domain, name);
        Path temp = target.resolveSibling("." + name + ".xml.new");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, header() + xml, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot save " + kind + " metadata '" + target + "': " + e.getMessage());
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

    /** Removes the domain's directory once it is empty. */
    public void dropDirectory(String domain) {
        try {
            Files.deleteIfExists(dir.resolve(domain));
        } catch (IOException e) {
            LOG.debug("{} directory of '{}' kept: {}", kind, domain, e.getMessage());
        }
    }

    /** The domain's files that read well, in no particular order. */
    public List<T> load(String domain) {
        List<T> out = new ArrayList<>();
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
                    out.add(reader.read(Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException | VirtException | RuntimeException e) {
                    LOG.error("skipping unreadable {} metadata {}: {}", kind, f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.error("cannot list {} metadata in {}: {}", kind, d, e.getMessage());
        }
        return out;
    }

    private String header() {
        return "<!--\n"
                + "WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n"
                + "OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n"
                + "  virsh " + kind + "-edit\n"
                + "or other application using the libvirt API.\n"
                + "-->\n\n";
    }
}
