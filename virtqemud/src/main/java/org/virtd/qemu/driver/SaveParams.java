package org.virtd.qemu.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters of virDomainSaveParams/virDomainRestoreParams: {@code file} and
 * {@code dxml}, both strings, checked as libvirt validates typed parameters. A save without a
 * file is a managed save.
 */
final class SaveParams {
    static final String FILE = "file";
    static final String DXML = "dxml";

    private SaveParams() {
    }

    static Map<String, String> read(List<TypedParam> params) throws VirtException {
        Map<String, String> out = new HashMap<>();
        for (TypedParam p : params) {
            if (!p.field().equals(FILE) && !p.field().equals(DXML)) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' not supported");
            }
            if (p.type() != TypedParam.Type.STRING) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid type '"
                        + p.type().label() + "' for parameter '" + p.field() + "', expected 'string'");
            }
            out.put(p.field(), p.stringValue());
        }
        return out;
    }

    /** The file to restore from; there is no default. */
    static String restoreFile(Map<String, String> params) throws VirtException {
        String file = params.get(FILE);
        if (file == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "missing path to restore from");
        }
        return file;
    }
}
