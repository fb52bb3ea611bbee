package org.virtd.vbox.mapping;

import org.virtd.conf.domain.DomainXmlOptions;
import org.virtd.conf.domain.DomainXmlParser;

import java.util.List;

/**
 * What the vbox driver tells the neutral domain XML code (libvirt's vbox virDomainXMLOption,
 * vbox-driver.md §1 "parser defaults"): generated MACs in VirtualBox's {@code 08:00:27} range,
 * '/' allowed in names, a {@code <video>} without a model is {@code vbox}; no namespace.
 */
public final class VBoxXmlConf {

    public static final DomainXmlOptions OPTIONS = new DomainXmlOptions("08:00:27", true, "vbox", List.of());

    public static final DomainXmlParser PARSER = new DomainXmlParser(OPTIONS);

    private VBoxXmlConf() {
    }
}
