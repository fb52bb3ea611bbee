package org.virtd.rpc.error;

/**
 * Thrown by handlers and drivers to answer a call with a libvirt error. The one translator in
 * the server turns it into {@code remote_error}; anything else thrown becomes INTERNAL_ERROR.
 */
public class VirtException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient VirtError error;

    public VirtException(VirtError error) {
        super(error.message());
        this.error = error;
    }

    public VirtException(ErrorCode code, ErrorDomain domain, String detail) {
        this(new VirtError(code, domain, detail));
    }

    public VirtException(ErrorCode code, ErrorDomain domain, String detail, Throwable cause) {
        super(code.format(detail), cause);
        this.error = new VirtError(code, domain, detail);
    }

    public VirtError error() {
        return error;
    }

    public ErrorCode code() {
        return error.code();
    }

    /** An error raised with {@code message} as its whole text (see {@link VirtError#verbatim}). */
    public static VirtException verbatim(ErrorCode code, ErrorDomain domain, String message) {
        return new VirtException(VirtError.verbatim(code, domain, message));
    }

    /** Formats the detail with {@link String#format}. */
    public static VirtException of(ErrorCode code, ErrorDomain domain, String format, Object... args) {
        return new VirtException(code, domain, args.length == 0 ? format : String.format(format, args));
    }
}
