package org.virtd.qemu.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Persistent definitions on disk (qemu-driver.md §1, §8): {@code <dir>/NAME.xml} (0600, the
 * generated-file comment, then the inactive XML) written atomically — temporary file in the
 * same directory, fsync, rename, fsync of the directory — and autostart symlinks
 * {@code <dir>/autostart/NAME.xml} pointing at the absolute config path. Loading never fails
 * the daemon: an unreadable or invalid file is logged and skipped, and never rewritten.
 */
public final class DomainStore {

    private static final Logger LOG = LoggerFactory.getLogger(DomainStore.class);
    private static final String TEMP_PREFIX = ".virtd-tmp-";

    /** Parses and completes a stored definition; {@code docName} is the file name. */
    @FunctionalInterface
    public interface Reader {
        DomainDef read(String xml, String docName) throws VirtException;
    }

    /** A definition found at start-up and whether its autostart link exists. */
    public record Loaded(DomainDef def, boolean autostart) {
    }

    private final Path dir;
    private final Path autostartDir;
    private final ConfigSync groupSync;

    /** A store that fsyncs every write before it returns. @param dir the driver's config dir, {@code <config>/qemu} */
    public DomainStore(Path dir) {
        this(dir, null);
    }

    /**
     * A store whose writes are made durable by {@code groupSync}'s group commit (null: fsync
     * every write, file and directory, before returning).
     */
    public DomainStore(Path dir, ConfigSync groupSync) {
        this.dir = dir.toAbsolutePath();
        this.autostartDir = this.dir.resolve("autostart");
        this.groupSync = groupSync;
    }

    public Path configFile(String name) {
        return dir.resolve(name + ".xml");
    }

    public Path autostartLink(String name) {
        return autostartDir.resolve(name + ".xml");
    }

    /** Writes (or replaces) {@code NAME.xml}; on failure the previous file is untouched. */
    public void save(DomainDef def) throws VirtException {
        String text = header(def.name()) + DomainXmlFormatter.format(def, DomainXmlFormatter.Options.PERSISTENT);
        Path target = configFile(def.name());
        Path temp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (groupSync == null) {
                    ch.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new VirtException(ErrorCode.WRITE_FAILED, ErrorDomain.DOMAIN,
                    "cannot save config file '" + target + "': " + e.getMessage(), e);
        }
    }

    /** Removes {@code NAME.xml} and its autostart link; a missing file is not an error. */
    public void delete(String name) throws VirtException {
        try {
            Files.deleteIfExists(autostartLink(name));
            Files.deleteIfExists(configFile(name));
            syncDirectory(dir);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.DOMAIN,
                    "cannot remove config " + configFile(name) + ": " + e.getMessage(), e);
        }
    }

    public void setAutostart(String name, boolean on) throws VirtException {
        Path link = autostartLink(name);
        try {
            if (on) {
                Files.createDirectories(autostartDir);
                try {
                    Files.createSymbolicLink(link, configFile(name));
                } catch (FileAlreadyExistsException e) {
                    return;
                }
            } else {
                Files.deleteIfExists(link);
            }
            syncDirectory(autostartDir);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.DOMAIN, (on ? "Failed to create symlink '"
                    : "Failed to delete symlink '") + link + "' to '" + configFile(name) + "': " + e.getMessage(), e);
        }
    }

    public boolean isAutostart(String name) {
        return Files.isSymbolicLink(autostartLink(name)) || Files.exists(autostartLink(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** Every readable, valid definition; stale temporary files from a crash are removed. */
    public List<Loaded> loadAll(Reader reader) {
        List<Loaded> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                if (file.startsWith(TEMP_PREFIX)) {
                    deleteQuietly(f);
                } else if (file.endsWith(".xml") && Files.isRegularFile(f)) {
                    load(f, reader, out);
                }
            }
        } catch (IOException e) {
            LOG.error("cannot list domain configs in {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private void load(Path f, Reader reader, List<Loaded> out) {
        String file = f.getFileName().toString();
        try {
            String xml = Files.readString(f, StandardCharsets.UTF_8);
            DomainDef def = reader.read(xml, f.toString());
            String expected = file.substring(0, file.length() - 4);
            if (!def.name().equals(expected)) {
                LOG.error("skipping {}: domain name '{}' does not match the file name", f, def.name());
                return;
            }
            out.add(new Loaded(def, isAutostart(def.name())));
        } catch (VirtException e) {
            LOG.error("skipping unparsable domain config {}: {}", f, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("skipping unreadable domain config {}: {}", f, e.toString());
        }
    }

    static String header(String name) {
        return "<!--\n"
                + "WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n"
                + "OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n"
                + "  virsh edit " + name + "\n"
                + "or other application using the libvirt API.\n"
                + "-->\n\n";
    }

    private void syncDirectory(Path d) throws IOException {
        if (groupSync != null) {
            groupSync.request();
            return;
        }
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // best effort: a leftover temp file is removed at the next start
        }
    }

    /** For tests: whether the store holds a file for {@code name}. */
    boolean exists(String name) {
        try {
            return Files.readAttributes(configFile(name), "size") != null;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
