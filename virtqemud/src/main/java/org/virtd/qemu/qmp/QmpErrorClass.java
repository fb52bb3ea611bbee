package org.virtd.qemu.qmp;

import org.virtd.rpc.error.ErrorCode;

/**
 * The QMP error table: QEMU's {@code error.class} values and the libvirt error each becomes.
 * libvirt reports every failed monitor command as INTERNAL_ERROR in the QEMU domain with
 * "unable to execute QEMU command 'CMD': DESC" (qemu-driver.md §5, e.g. {@code device_del});
 * the class is kept so callers can treat some classes specially (CommandNotFound means
 * "unsupported by this QEMU", DeviceNotFound on unplug means "already gone").
 */
public enum QmpErrorClass {
    GENERIC_ERROR("GenericError", ErrorCode.INTERNAL_ERROR),
    COMMAND_NOT_FOUND("CommandNotFound", ErrorCode.INTERNAL_ERROR),
    DEVICE_NOT_ACTIVE("DeviceNotActive", ErrorCode.INTERNAL_ERROR),
    DEVICE_NOT_FOUND("DeviceNotFound", ErrorCode.INTERNAL_ERROR),
    KVM_MISSING_CAP("KVMMissingCap", ErrorCode.INTERNAL_ERROR),
    /** A class this table does not know (future QEMU) or a reply without one. */
    UNKNOWN("", ErrorCode.INTERNAL_ERROR);

    public final String wireName;
    public final ErrorCode code;

    QmpErrorClass(String wireName, ErrorCode code) {
        this.wireName = wireName;
        this.code = code;
    }

    public static QmpErrorClass fromWire(String name) {
        for (QmpErrorClass c : values()) {
            if (c != UNKNOWN && c.wireName.equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
