package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.StreamChannel;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.GuestInput;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * virsh screenshot (the image comes on the call's stream after the reply names its type),
 * send-key, inject-nmi, and a socket to the guest's display passed to the client
 * (virDomainOpenGraphicsFD, what virt-manager's console uses on a local connection).
 */
final class GuestInputHandlers {
    /** Stream data packets carry at most this much (libvirt's stream chunk). */
    private static final int CHUNK = 256 * 1024;
    /** VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH. */
    private static final int SKIPAUTH = 1;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    GuestInputHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SCREENSHOT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainScreenshot", ErrorDomain.QEMU);
            byte[] png = input().screenshot(lookup.resolve(a.domain()), a.screen());
            StreamChannel stream = c.stream();
            if (stream == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "screenshot call without a stream");
            }
            // held back by the stream until the reply naming the type has gone out
            for (int off = 0; off < png.length; off += CHUNK) {
                stream.send(ByteBuffer.wrap(png, off, Math.min(CHUNK, png.length - off)));
            }
            stream.finish(null);
            return GuestInput.SCREENSHOT_MIME;
        });
        t.on(RemoteProgram.DOMAIN_SEND_KEY, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSendKey", ErrorDomain.QEMU);
            input().sendKey(lookup.resolve(a.domain()), a.codeset(), a.holdtime(), a.keycodes());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_OPEN_GRAPHICS_FD, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SKIPAUTH, "qemuDomainOpenGraphicsFD", ErrorDomain.QEMU);
            DomainProcesses p = processes.get();
            if (p == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
            }
            c.replyWithFds(java.util.List.of(
                    p.graphics().open(lookup.resolve(a.domain()), a.idx(), (a.flags() & SKIPAUTH) != 0)));
            return null;
        });
        t.on(RemoteProgram.DOMAIN_OPEN_GRAPHICS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SKIPAUTH, "qemuDomainOpenGraphics", ErrorDomain.QEMU);
            DomainProcesses p = processes.get();
            if (p == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
            }
            // taken last: until then a refusal leaves the client's socket to the call, which closes it
            p.graphics().attach(lookup.resolve(a.domain()), a.idx(), c.takeReceivedFd(0), (a.flags() & SKIPAUTH) != 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_INJECT_NMI, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainInjectNMI", ErrorDomain.QEMU);
            input().injectNmi(lookup.resolve(a.domain()));
            return null;
        });
    }

    private GuestInput input() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.input();
    }
}
