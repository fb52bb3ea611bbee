package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * A domain, one of its devices, the two-pass nparams count and flags:
 * {@code remote_domain_get_block_io_tune_args} (the disk may be null there) and
 * {@code remote_domain_get_interface_parameters_args} (it may not).
 */
public record DeviceNParamsArgs(DomainRef domain, String device, int nparams, int flags) {

    public static final XdrCodec<DeviceNParamsArgs> BLOCK_IO_TUNE = codec(Xdr.OPT_STRING);
    public static final XdrCodec<DeviceNParamsArgs> INTERFACE = codec(Xdr.STRING);

    private static XdrCodec<DeviceNParamsArgs> codec(XdrCodec<String> device) {
        return Struct.of(DeviceNParamsArgs::new,
                DomainRef.CODEC, DeviceNParamsArgs::domain,
                device, DeviceNParamsArgs::device,
                Xdr.INT, DeviceNParamsArgs::nparams,
                Xdr.UINT, DeviceNParamsArgs::flags);
    }
}
