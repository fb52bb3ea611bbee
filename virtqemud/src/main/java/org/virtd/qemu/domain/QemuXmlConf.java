package org.virtd.qemu.domain;

import org.virtd.conf.domain.DomainXmlOptions;
import org.virtd.conf.domain.DomainXmlParser;
import org.virtd.conf.domain.XmlNamespace;

import java.util.List;
import java.util.Set;

/**
 * What the QEMU driver tells the neutral domain XML code (libvirt's virQEMUDriverCreateXMLConf,
 * qemu-driver.md §2): generated MACs in QEMU's {@code 52:54:00} range, no '/' in names, a
 * {@code <video>} without a model left to {@link QemuDomainDefaults}, and the {@code qemu:}
 * namespace's top-level elements accepted by the schema check.
 */
public final class QemuXmlConf {

    public static final XmlNamespace QEMU_NAMESPACE = new XmlNamespace("qemu",
            "http://libvirt.org/schemas/domain/qemu/1.0",
            Set.of("commandline", "capabilities", "override", "deprecation"));

    public static final DomainXmlOptions OPTIONS = new DomainXmlOptions("52:54:00", false, null,
            List.of(QEMU_NAMESPACE));

    /** The parser every QEMU define, create and status-file read goes through. */
    public static final DomainXmlParser PARSER = new DomainXmlParser(OPTIONS);

    private QemuXmlConf() {
    }
}
