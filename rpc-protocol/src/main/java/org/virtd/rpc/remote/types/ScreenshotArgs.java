package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_screenshot_args}. */
public record ScreenshotArgs(DomainRef domain, int screen, int flags) {

    public static final XdrCodec<ScreenshotArgs> CODEC = Struct.of(ScreenshotArgs::new,
            DomainRef.CODEC, ScreenshotArgs::domain,
            Xdr.UINT, ScreenshotArgs::screen,
            Xdr.UINT, ScreenshotArgs::flags);
}
