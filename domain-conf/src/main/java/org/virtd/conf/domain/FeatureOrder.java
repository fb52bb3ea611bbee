package org.virtd.conf.domain;

import java.util.List;
import java.util.Set;

/**
 * libvirt's virDomainFeature enum: which {@code <features>} children exist, the order dumpxml
 * prints them in, and which carry a {@code state='on|off'} attribute.
 */
final class FeatureOrder {

    private static final List<String> ORDER = List.of("acpi", "apic", "pae", "hap", "viridian", "privnet",
            "hyperv", "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic", "smm", "ioapic", "hpt",
            "vmcoreinfo", "htm", "nested-hv", "msrs", "ccf-assist", "xen", "cfpc", "sbbc", "ibs", "tcg",
            "async-teardown");
    private static final Set<String> STATEFUL = Set.of("hap", "pvspinlock", "pmu", "vmport", "smm",
            "vmcoreinfo", "htm", "nested-hv", "ccf-assist");

    private FeatureOrder() {
    }

    static boolean isKnown(String name) {
        return ORDER.contains(name);
    }

    static boolean hasState(String name) {
        return STATEFUL.contains(name);
    }

    static int rank(String name) {
        return ORDER.indexOf(name);
    }
}
