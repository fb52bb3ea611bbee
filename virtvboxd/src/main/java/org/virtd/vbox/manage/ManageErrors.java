package org.virtd.vbox.manage;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from a failed VBoxManage run to a libvirt error (vbox-driver.md §6.3, the
 * stand-in's README §5.5): the COM result name of the {@code Details:} line or a phrase of the
 * message picks the code; the message is VirtualBox's own text (its {@code error:} lines without
 * the Details/Context lines), so the client reads what VirtualBox said. First matching row wins.
 */
public final class ManageErrors {
    private static final String ERROR_PREFIX = "VBoxManage: error: ";
    private static final Pattern RESULT_NAME = Pattern.compile("(?i)\\bcode ([A-Z][A-Z0-9_]+) \\(0x");

    /** One row: a COM result name or a phrase of the message (lower case), and the libvirt code. */
    record Row(String resultName, String phrase, ErrorCode code) {
        boolean matches(String result, String text) {
            return resultName != null ? resultName.equals(result) : text.toLowerCase(Locale.ROOT).contains(phrase);
        }
    }

    static final List<Row> TABLE = List.of(
            new Row(null, "could not find a snapshot", ErrorCode.NO_DOMAIN_SNAPSHOT),
            new Row(null, "current state of the running machine", ErrorCode.OPERATION_INVALID),
            new Row("VBOX_E_OBJECT_NOT_FOUND", null, ErrorCode.NO_DOMAIN),
            new Row(null, "could not find a registered machine", ErrorCode.NO_DOMAIN),
            new Row(null, "is not currently running", ErrorCode.OPERATION_INVALID),
            new Row("VBOX_E_INVALID_VM_STATE", null, ErrorCode.OPERATION_INVALID),
            new Row(null, "already locked", ErrorCode.OPERATION_FAILED),
            new Row(null, "while it is locked", ErrorCode.OPERATION_FAILED),
            new Row("NS_ERROR_SOCKET_FAIL", null, ErrorCode.INTERNAL_ERROR),
            new Row(null, "failed to create the virtualbox object", ErrorCode.INTERNAL_ERROR));

    private ManageErrors() {
    }

    /** The libvirt error for a run that exited non-zero. */
    public static VirtException toException(Output out) {
        String text = message(out);
        String result = resultName(out.stderr());
        for (Row row : TABLE) {
            if (row.matches(result, text)) {
                return new VirtException(row.code(), ErrorDomain.VBOX, text);
            }
        }
        // exit 2 is a usage error: our argument list is wrong, not the caller's request
        ErrorCode code = out.exit() == 2 ? ErrorCode.INTERNAL_ERROR : ErrorCode.OPERATION_FAILED;
        return new VirtException(code, ErrorDomain.VBOX, text);
    }

    /** VirtualBox's text: its error lines without Details/Context, else the last line it printed. */
    static String message(Output out) {
        List<String> parts = new ArrayList<>();
        for (String line : out.stderr().split("\n")) {
            if (line.startsWith(ERROR_PREFIX)) {
                String text = line.substring(ERROR_PREFIX.length()).strip();
                if (!text.startsWith("Details:") && !text.startsWith("Context:") && !text.isEmpty()
                        && !parts.contains(text)) {
                    parts.add(text);
                }
            }
        }
        if (!parts.isEmpty()) {
            return String.join(" ", parts);
        }
        String[] lines = out.stderr().strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "VBoxManage " + String.join(" ", out.args()) + " exited with status " + out.exit()
                : last;
    }

    /** The COM result name of the Details line (or the comfail "Code X" line), or "". */
    static String resultName(String stderr) {
        Matcher m = RESULT_NAME.matcher(stderr);
        return m.find() ? m.group(1) : "";
    }
}
