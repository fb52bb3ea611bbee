package org.virtd.conf.domain;

import java.util.List;
import java.util.Set;

/** Options for tests: a driver with no namespace and no parser defaults, and VirtualBox's. */
final class TestOptions {

    static final DomainXmlOptions NEUTRAL = new DomainXmlOptions("52:54:00", false, null, List.of());

    static final DomainXmlOptions VBOX = new DomainXmlOptions("08:00:27", true, "vbox", List.of());

    static final XmlNamespace QEMU = new XmlNamespace("qemu", "http://libvirt.org/schemas/domain/qemu/1.0",
            Set.of("commandline", "capabilities", "override", "deprecation"));

    private TestOptions() {
    }
}
