package org.virtd.qemu.qmp;

/**
 * Receives what a monitor connection reports without being asked. Calls come in order on the
 * connection's own event thread (never the reader thread), so a listener may issue commands on
 * the same connection, e.g. {@code system_reset} after a {@code SHUTDOWN} for a fake reboot.
 */
public interface QmpEventListener {

    /** One QMP event, in the order QEMU sent them. */
    void onEvent(QmpEvent event);

    /**
     * The connection is gone, after every event read before it was delivered. {@code eof} is true
     * when QEMU closed it (it exited or crashed: libvirt's monitor EOF), false when we closed it
     * or the stream was unreadable.
     */
    default void onClose(boolean eof) {
    }

    QmpEventListener NONE = event -> { };
}
