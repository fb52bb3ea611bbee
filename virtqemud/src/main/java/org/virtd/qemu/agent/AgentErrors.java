package org.virtd.qemu.agent;

import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.Map;

/**
 * An agent reply turned into libvirt's error: the command's name and the agent's {@code desc},
 * or, when the agent gave none, a readable text for its error class.
 */
final class AgentErrors {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("BufferOverrun", "Buffer overrun"),
            Map.entry("CommandDisabled", "The command has been disabled for this instance"),
            Map.entry("CommandNotFound", "The command has not been found"),
            Map.entry("FdNotFound", "File descriptor not found"),
            Map.entry("InvalidParameter", "Invalid parameter"),
            Map.entry("InvalidParameterType", "Invalid parameter type"),
            Map.entry("InvalidParameterValue", "Invalid parameter value"),
            Map.entry("OpenFileFailed", "Cannot open file"),
            Map.entry("QgaCommandFailed", "Guest agent command failed"),
            Map.entry("QMPBadInputObjectMember", "Bad QMP input object member"),
            Map.entry("QMPExtraInputObjectMember", "Unexpected extra object member"),
            Map.entry("UndefinedError", "An undefined error has occurred"),
            Map.entry("Unsupported", "this feature or command is not currently supported"));

    private AgentErrors() {
    }

    /** False for an unknown or disabled command when {@code reportUnsupported} is off. */
    static boolean check(JsonObject command, JsonObject reply, boolean reportUnsupported) throws VirtException {
        String name = command.string("execute", "<unknown>");
        if (reply.has("error")) {
            if (!(reply.get("error") instanceof JsonObject error)) {
                throw failed(name);
            }
            String klass = error.string("class", "");
            if (!reportUnsupported && (klass.equals("CommandNotFound") || klass.equals("CommandDisabled"))) {
                return false;
            }
            String detail = error.string("desc").orElseGet(() -> klass.isEmpty()
                    ? "unknown QEMU command error" : CLASSES.getOrDefault(klass, klass));
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU agent command '" + name + "': " + detail);
        }
        if (!reply.has("return")) {
            throw failed(name);
        }
        return true;
    }

    private static VirtException failed(String name) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "unable to execute QEMU agent command '" + name + "'");
    }
}
