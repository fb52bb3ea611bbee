package org.virtd.qemu.cgroup.bpf;

import java.io.IOException;

/** A refused {@code bpf(2)} call: what was attempted, the errno and its text. */
public final class BpfException extends IOException {
    private final int errno;

    BpfException(String what, int errno, String text) {
        super(what + ": " + text);
        this.errno = errno;
    }

    private BpfException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The same failure with the kernel's own explanation (a verifier log) appended. */
    BpfException withDetail(String detail) {
        return new BpfException(getMessage() + "\n" + detail, errno);
    }
}
