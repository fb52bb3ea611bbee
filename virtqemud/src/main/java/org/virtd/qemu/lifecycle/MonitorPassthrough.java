package org.virtd.qemu.lifecycle;

import org.virtd.core.driver.Checks;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonParseException;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * virDomainQemuMonitorCommand (QEMU program proc 1; qemu-driver.md §5): a QMP command object is
 * sent with our own id and QEMU's whole reply comes back compactly re-serialised, a QMP error
 * included (that is a successful call); with flag HMP the text goes through
 * {@code human-monitor-command} and its output string is returned. The first use taints the
 * domain ({@code custom-monitor} in its log).
 */
public final class MonitorPassthrough {
    public static final int HMP = 1;

    private final DomainLifecycle lifecycle;
    private final DomainControl control;

    public MonitorPassthrough(DomainLifecycle lifecycle, DomainControl control) {
        this.lifecycle = lifecycle;
        this.control = control;
    }

    public String command(DomainObject dom, String cmd, int flags) throws VirtException {
        Checks.flags(flags, HMP, "qemuDomainQemuMonitorCommandWithFiles", ErrorDomain.QEMU);
        JsonObject command = null;
        if ((flags & HMP) == 0) {
            try {
                command = JsonParser.parseObject(cmd);
            } catch (JsonParseException | ClassCastException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "cannot parse json " + cmd + ": " + e.getMessage());
            }
        }
        QmpClient monitor;
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            if (!rd.tainted) {
                rd.tainted = true;
                lifecycle.note(rd, "Domain id=" + rd.id() + " is tainted: custom-monitor");
            }
            monitor = DomainControl.monitor(rd);
        } finally {
            dom.lock().unlock();
        }
        if (command == null) {
            JsonValue out = monitor.execute("human-monitor-command", JsonObject.of("command-line", cmd));
            return out instanceof JsonString s ? s.value() : out.toJson();
        }
        return monitor.executeRaw(command, QmpClient.DEFAULT_TIMEOUT).toJson();
    }
}
