package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * A domain, one of its devices (disk or NIC) and typed parameters to set:
 * {@code remote_domain_set_block_io_tune_args} and {@code remote_domain_set_interface_parameters_args}.
 */
public record DeviceParamsArgs(DomainRef domain, String device, List<TypedParam> params, int flags) {

    public static final XdrCodec<DeviceParamsArgs> BLOCK_IO_TUNE = codec(Limits.DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX);
    public static final XdrCodec<DeviceParamsArgs> INTERFACE = codec(Limits.DOMAIN_INTERFACE_PARAMETERS_MAX);

    private static XdrCodec<DeviceParamsArgs> codec(int max) {
        return Struct.of(DeviceParamsArgs::new,
                DomainRef.CODEC, DeviceParamsArgs::domain,
                Xdr.STRING, DeviceParamsArgs::device,
                TypedParam.list(max), DeviceParamsArgs::params,
                Xdr.UINT, DeviceParamsArgs::flags);
    }
}
