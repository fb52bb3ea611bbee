package org.virtd.qemu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The owners files had before a guest's QEMU was given them (libvirt keeps these in
 * {@code trusted.libvirt.security.*} attributes): one line per file with its original uid, gid
 * and how many running guests use it, rewritten on each change so a daemon restarted after a
 * crash still gives the files back.
 */
final class OwnerLedger {
    /** A file's original owner and its count of users. */
    record Owner(int uid, int gid, int refs) {
    }

    private final Path file;

    OwnerLedger(Path file) {
        this.file = file;
    }

    /** Counts one more user of {@code path}; the first one records {@code current} as the owner to restore. */
    synchronized void remember(Path path, int uid, int gid) throws IOException {
        Map<String, Owner> all = load();
        Owner old = all.get(path.toString());
        all.put(path.toString(), old == null ? new Owner(uid, gid, 1) : new Owner(old.uid(), old.gid(), old.refs() + 1));
        save(all);
    }

    /** Counts one user less; the owner to restore once nobody uses {@code path}, else empty. */
    synchronized Optional<Owner> recall(Path path) throws IOException {
        Map<String, Owner> all = load();
        Owner old = all.remove(path.toString());
        if (old == null) {
            return Optional.empty();
        }
        if (old.refs() > 1) {
            all.put(path.toString(), new Owner(old.uid(), old.gid(), old.refs() - 1));
            save(all);
            return Optional.empty();
        }
        save(all);
        return Optional.of(old);
    }

    synchronized boolean knows(Path path) throws IOException {
        return load().containsKey(path.toString());
    }

    private Map<String, Owner> load() throws IOException {
        Map<String, Owner> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ", 4);
            if (f.length == 4) {
                out.put(f[3], new Owner(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
            }
        }
        return out;
    }

    private void save(Map<String, Owner> all) throws IOException {
        StringBuilder sb = new StringBuilder();
        all.forEach((path, o) -> sb.append(o.uid()).append(' ').append(o.gid()).append(' ').append(o.refs())
                .append(' ').append(path).append('\n'));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
