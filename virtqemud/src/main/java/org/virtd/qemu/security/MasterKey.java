package org.virtd.qemu.security;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrnoText;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A guest's master key: 32 random bytes QEMU reads at start ({@code -object secret,id=masterKey0})
 * and decrypts the secrets it is later handed with (disk passwords, TLS keys), so none travels in
 * clear over the monitor. Readable by QEMU's account only; it goes with the domain directory.
 */
public final class MasterKey {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterKey() {
    }

    public static void write(Path file, QemuAccount owner) throws VirtException {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        try {
            // the domain directory: made here when no security driver made it before
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ByteBuffer b = ByteBuffer.wrap(key);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            if (!owner.isRoot()) {
                Files.setAttribute(file, "unix:uid", owner.uid());
                Files.setAttribute(file, "unix:gid", owner.gid());
            }
        } catch (IOException e) {
            throw writeError(file, ErrnoText.of(e));
        } catch (UnsupportedOperationException e) {
            throw writeError(file, e.getMessage());
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static VirtException writeError(Path file, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                "Unable to write master key file '" + file + "': " + why);
    }
}
