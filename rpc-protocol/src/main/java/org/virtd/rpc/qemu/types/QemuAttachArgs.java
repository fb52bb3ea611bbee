package org.virtd.rpc.qemu.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code qemu_domain_attach_args}: the pid of an existing QEMU process. */
public record QemuAttachArgs(int pidValue, int flags) {

    public static final XdrCodec<QemuAttachArgs> CODEC = Struct.of(QemuAttachArgs::new,
            Xdr.UINT, QemuAttachArgs::pidValue,
            Xdr.UINT, QemuAttachArgs::flags);
}
