package org.virtd.qemu.qmp;

import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * A monitor command QEMU answered with {@code error}: a {@link VirtException} carrying libvirt's
 * code and message (see {@link QmpErrorClass}) plus QEMU's class and description for callers
 * that react to specific classes.
 */
public class QmpException extends VirtException {
    private static final long serialVersionUID = 1L;

    private final QmpErrorClass errorClass;
    private final String command;
    private final String description;

    public QmpException(String command, QmpErrorClass errorClass, String description) {
        super(errorClass.code, ErrorDomain.QEMU, detail(command, description));
        this.errorClass = errorClass;
        this.command = command;
        this.description = description;
    }

    private static String detail(String command, String description) {
        return description == null || description.isEmpty()
                ? "unable to execute QEMU command '" + command + "'"
                : "unable to execute QEMU command '" + command + "': " + description;
    }

    static QmpException fromReply(String command, JsonObject reply) {
        if (!reply.has("error")) {
            return new QmpException(command, QmpErrorClass.UNKNOWN, null);
        }
        JsonObject error = reply.object("error");
        String cls = error.string("class", "");
        return new QmpException(command, QmpErrorClass.fromWire(cls), error.string("desc", cls));
    }

    public QmpErrorClass errorClass() {
        return errorClass;
    }

    public String command() {
        return command;
    }

    public String description() {
        return description;
    }
}
