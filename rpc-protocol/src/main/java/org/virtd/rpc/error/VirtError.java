package org.virtd.rpc.error;

/**
 * An error as a handler reports it: code, domain and the detail that fills the code's template
 * (for NO_DOMAIN: {@code no domain with matching name 'x'}). Never carries a stack trace or a
 * cause across the wire; {@link RemoteError#of(VirtError)} makes the wire form.
 */
public record VirtError(ErrorCode code, ErrorDomain domain, String detail) {

    public String message() {
        return code.format(detail);
    }

    @Override
    public String toString() {
        return code + "/" + domain + ": " + message();
    }
}
