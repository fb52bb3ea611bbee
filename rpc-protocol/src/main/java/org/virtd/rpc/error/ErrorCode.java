package org.virtd.rpc.error;

/**
 * libvirt's {@code virErrorNumber} with the two message forms of virerror.c's table: the bare
 * text, used when there is no detail, and the template the detail is put into. The template
 * travels as {@code str1} of {@code remote_error}, the detail as {@code str2}.
 */
public enum ErrorCode {
    OK(0, "", "%s"),
    INTERNAL_ERROR(1, "internal error", "internal error: %s"),
    NO_MEMORY(2, "out of memory", "out of memory: %s"),
    NO_SUPPORT(3, "this function is not supported by the connection driver",
            "this function is not supported by the connection driver: %s"),
    NO_CONNECT(5, "no connection driver available", "no connection driver available for %s"),
    INVALID_CONN(6, "invalid connection pointer in", "invalid connection pointer in %s"),
    INVALID_DOMAIN(7, "invalid domain pointer in", "invalid domain pointer in %s"),
    INVALID_ARG(8, "invalid argument", "invalid argument: %s"),
    OPERATION_FAILED(9, "operation failed", "operation failed: %s"),
    NO_TARGET(20, "missing target information for device", "missing target information for device %s"),
    NO_NAME(21, "missing name information", "missing name information in %s"),
    XML_ERROR(27, "XML description is invalid or not well formed", "XML error: %s"),
    DOM_EXIST(28, "this domain exists already", "domain %s exists already"),
    OPERATION_DENIED(29, "operation forbidden for read only access", "operation forbidden: %s"),
    OPEN_FAILED(30, "failed to open configuration file", "failed to open configuration file %s"),
    READ_FAILED(31, "failed to read configuration file", "failed to read configuration file %s"),
    PARSE_FAILED(32, "failed to parse configuration file", "failed to parse configuration file %s"),
    CONF_SYNTAX(33, "configuration file syntax error", "configuration file syntax error: %s"),
    WRITE_FAILED(34, "failed to write configuration file", "failed to write configuration file: %s"),
    XML_DETAIL(35, "parser error", "%s"),
    SYSTEM_ERROR(38, "", "%s"),
    RPC(39, "RPC error", "%s"),
    NO_DOMAIN(42, "Domain not found", "Domain not found: %s"),
    NO_NETWORK(43, "Network not found", "Network not found: %s"),
    AUTH_FAILED(45, "authentication failed", "authentication failed: %s"),
    NO_STORAGE_POOL(49, "Storage pool not found", "Storage pool not found: %s"),
    NO_STORAGE_VOL(50, "Storage volume not found", "Storage volume not found: %s"),
    NO_NODE_DEVICE(53, "Node device not found", "Node device not found: %s"),
    OPERATION_INVALID(55, "Requested operation is not valid", "Requested operation is not valid: %s"),
    NO_SECRET(66, "Secret not found", "Secret not found: %s"),
    CONFIG_UNSUPPORTED(67, "unsupported configuration", "unsupported configuration: %s"),
    OPERATION_TIMEOUT(68, "Timed out during operation", "Timed out during operation: %s"),
    OVERFLOW(70, "value too large", "value too large: %s"),
    NO_DOMAIN_SNAPSHOT(72, "Domain snapshot not found", "Domain snapshot not found: %s"),
    INVALID_STREAM(73, "invalid stream pointer", "invalid stream pointer in %s"),
    ARGUMENT_UNSUPPORTED(74, "argument unsupported", "argument unsupported: %s"),
    OPERATION_ABORTED(78, "operation aborted", "operation aborted: %s"),
    NO_DOMAIN_METADATA(80, "metadata not found", "metadata not found: %s"),
    OPERATION_UNSUPPORTED(84, "Operation not supported", "Operation not supported: %s"),
    AGENT_UNRESPONSIVE(86, "guest agent is not responding", "guest agent is not responding: %s"),
    RESOURCE_BUSY(87, "resource busy", "resource busy: %s"),
    ACCESS_DENIED(88, "access denied", "access denied: %s"),
    XML_INVALID_SCHEMA(92, "XML document failed to validate against schema",
            "XML document failed to validate against schema: %s"),
    NO_SERVER(95, "Server not found", "Server not found: %s"),
    NO_CLIENT(96, "Client not found", "Client not found: %s"),
    NO_HOSTNAME(108, "no hostname found", "no hostname found: %s"),
    MULTIPLE_DOMAINS(110, "multiple matching domains found", "multiple matching domains found: %s");

    public final int wire;
    public final String bare;
    public final String template;

    ErrorCode(int wire, String bare, String template) {
        this.wire = wire;
        this.bare = bare;
        this.template = template;
    }

    /** The full message a client prints: the template filled with the detail, or the bare text. */
    public String format(String detail) {
        return detail == null ? bare : template.replace("%s", detail);
    }

    public static ErrorCode fromWire(int wire) {
        for (ErrorCode c : values()) {
            if (c.wire == wire) {
                return c;
            }
        }
        return null;
    }
}
