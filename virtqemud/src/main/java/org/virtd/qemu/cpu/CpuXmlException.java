package org.virtd.qemu.cpu;

/** A CPU element libvirt would refuse: malformed XML or a setting not allowed for its kind of CPU. */
public final class CpuXmlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean unsupported;

    CpuXmlException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** True for "unsupported configuration" (a guest-only attribute on a host CPU), false for XML errors. */
    public boolean unsupported() {
        return unsupported;
    }
}
