package org.virtd.qemu.driver;

import java.util.function.Supplier;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

/**
 * CONNECT_DOMAIN_XML_TO_NATIVE: the only native format of the QEMU driver is {@code qemu-argv},
 * the command line a start of the given domain XML would run.
 */
final class NativeConfigHandlers {
    private static final String QEMU_ARGV = "qemu-argv";

    private final Supplier<DomainProcesses> processes;
    private final DomainConfigHandlers.EmulatorSource emulators;

    NativeConfigHandlers(Supplier<DomainProcesses> processes, DomainConfigHandlers.EmulatorSource emulators) {
        this.processes = processes;
        this.emulators = emulators;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_DOMAIN_XML_TO_NATIVE, (c, a) -> toNative(a.nativeFormat(), a.domainXml(), a.flags()));
    }

    String toNative(String format, String xml, int flags) throws VirtException {
        Checks.flags(flags, 0, "qemuConnectDomainXMLToNative", ErrorDomain.QEMU);
        if (!QEMU_ARGV.equals(format)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unsupported config type " + format);
        }
        var def = new QemuDomainDefaults(emulators.get(), UuidRandom.INSTANCE)
                .apply(QemuXmlConf.PARSER.parse(xml, false));
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.pretend().of(def);
    }
}
