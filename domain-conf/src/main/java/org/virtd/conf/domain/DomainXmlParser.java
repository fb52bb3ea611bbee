package org.virtd.conf.domain;

import org.virtd.conf.domain.DomainDef.ClockDef;
import org.virtd.conf.domain.DomainDef.CpuDef;
import org.virtd.conf.domain.DomainDef.Feature;
import org.virtd.conf.domain.DomainDef.Lifecycle;
import org.virtd.conf.domain.DomainDef.OsDef;
import org.virtd.conf.domain.DomainDef.Timer;
import org.virtd.conf.domain.DomainDef.Vcpus;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Domain XML to {@link DomainDef} as libvirt's virDomainDefParseXML reads it: the user's values
 * only, no defaults beyond the few a driver sets in its {@link DomainXmlOptions}. Unknown
 * elements and attributes are dropped silently unless {@code validate}
 * (VIR_DOMAIN_DEFINE_VALIDATE) asks for the schema check of {@link DomainSchema}. Every failure is
 * the error libvirt 9.0 reports (qemu-driver.md §3). Immutable and safe to share between threads.
 */
public final class DomainXmlParser {

    /** libvirt's virDomainVirtType names: known ones pass parsing, the driver decides support. */
    static final Set<String> VIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
            "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz");
    private static final Set<String> BOOT_DEVS = Set.of("fd", "cdrom", "hd", "network");
    private static final Set<String> PLACEMENTS = Set.of("static", "auto");
    private static final Set<String> LIFECYCLE = Set.of("destroy", "restart", "rename-restart", "preserve");
    private static final Set<String> CRASH = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");
    private static final Set<String> CPU_MODES = Set.of("custom", "host-model", "host-passthrough", "maximum");
    private static final Set<String> CLOCK_OFFSETS = Set.of("utc", "localtime", "timezone", "variable", "absolute");

    private final DomainXmlOptions options;

    public DomainXmlParser(DomainXmlOptions options) {
        this.options = options;
    }

    public DomainXmlOptions options() {
        return options;
    }

    /** Parses a definition sent by a client ({@code (domain_definition)} in error messages). */
    public DomainDef parse(String xml, boolean validate) throws VirtException {
        return parse(xml, validate, "(domain_definition)");
    }

    /** Parses a definition; {@code docName} names the document in well-formedness errors. */
    public DomainDef parse(String xml, boolean validate, String docName) throws VirtException {
        return parse(xml, validate, docName, false);
    }

    /**
     * Parses the definition in a running guest's status file: what only a running guest has
     * (the numbers of its disk images) is kept.
     */
    public DomainDef parseStatus(String xml, String docName) throws VirtException {
        return parse(xml, false, docName, true);
    }

    private DomainDef parse(String xml, boolean validate, String docName, boolean status) throws VirtException {
        Document doc = SecureXml.parse(xml, docName);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("domain")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'domain', not '" + root.getTagName() + "'");
        }
        if (validate) {
            DomainSchema.check(root, options);
        }
        DomainDef def = parseRoot(root, status);
        return Dom.child(root, "metadata") == null ? def
                : def.withMetadata(def.title(), def.description(), DomainMetadata.read(xml));
    }

    private DomainDef parseRoot(Element root, boolean status) throws VirtException {
        // libvirt reads the name before the type: "<domain/>" is a missing name
        String name = Dom.text(root, "name");
        if (name == null || name.isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, null);
        }
        String type = virtType(root);
        if (!options.nameSlashAllowed() && name.contains("/")) {
            throw DefErrors.xml("name " + name + " cannot contain '/'");
        }
        UUID uuid = uuid(Dom.text(root, "uuid"));
        long memory = memory(root, "memory");
        long current = memory(root, "currentMemory");
        Vcpus vcpus = withSlots(vcpus(Dom.child(root, "vcpu")), Dom.child(root, "vcpus"));
        CpuTune cputune = cputune(Dom.child(root, "cputune"), vcpus.max());
        Numatune numatune = NumatuneXml.parse(root, "static".equals(vcpus.placement()), guestCells(root));
        if (numatune.autoPlacement() && Dom.childAttr(root, "vcpu", "cpuset") == null
                && cputune.vcpupins().isEmpty() && cputune.emulatorpin() == null) {
            // numad places the memory, so it places the vCPUs too unless they are pinned
            vcpus = new Vcpus(vcpus.max(), vcpus.current(), "auto", vcpus.slots());
        }
        OsDef os = os(Dom.child(root, "os"));
        List<Feature> features = features(Dom.child(root, "features"));
        CpuDef cpu = cpu(Dom.child(root, "cpu"));
        ClockDef clock = clock(Dom.child(root, "clock"));
        Element pm = Dom.child(root, "pm");
        Lifecycle lifecycle = new Lifecycle(action(root, "on_poweroff", LIFECYCLE),
                action(root, "on_reboot", LIFECYCLE), action(root, "on_crash", CRASH),
                pmState(pm, "suspend-to-mem"), pmState(pm, "suspend-to-disk"));
        Devices devices = DeviceXmlParser.parse(Dom.child(root, "devices"), options, status);
        if (memory == 0) {
            throw DefErrors.xml("Memory size must be specified via <memory> or in the <numa> configuration");
        }
        return new DomainDef(type, name, uuid, Dom.text(root, "title"), Dom.text(root, "description"), memory,
                current, vcpus, os, features, cpu, clock, lifecycle, devices, null, cputune,
                SysinfoXml.parse(Dom.child(root, "sysinfo")), ResourceTuneXml.parse(root).withNuma(numatune),
                SecLabelXml.parse(root));
    }

    /** The number of guest NUMA cells, {@code <cpu><numa><cell>}, that {@code <memnode>} may name. */
    private static int guestCells(Element root) {
        return Dom.children(Dom.child(Dom.child(root, "cpu"), "numa"), "cell").size();
    }

    /** {@code <cputune>}: shares, bandwidth and pinning; the other tunables are not kept. */
    private static CpuTune cputune(Element e, int maxVcpus) throws VirtException {
        if (e == null) {
            return CpuTune.NONE;
        }
        Map<Integer, BitSet> pins = new TreeMap<>();
        for (Element pin : Dom.children(e, "vcpupin")) {
            String id = Dom.attr(pin, "vcpu");
            int vcpu;
            try {
                vcpu = Integer.parseInt(id == null ? "" : id.strip());
            } catch (NumberFormatException ex) {
                throw DefErrors.xml("vcpu id must be an unsigned integer or -1");
            }
            if (vcpu < 0 || vcpu >= maxVcpus) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "invalid setting for vcpu '" + vcpu + "'");
            }
            if (pins.containsKey(vcpu)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "duplicate vcpupin for vcpu '"
                        + vcpu + "'");
            }
            pins.put(vcpu, cpuset(pin));
        }
        Element emu = Dom.child(e, "emulatorpin");
        return new CpuTune(shares(e), ResourceTuneXml.bandwidth(e), pins, emu == null ? null : cpuset(emu));
    }

    private static BitSet cpuset(Element pin) throws VirtException {
        String text = Dom.attr(pin, "cpuset");
        if (text == null) {
            throw DefErrors.xml("missing cpuset for " + pin.getTagName());
        }
        return CpuSet.bitmap(text);
    }

    private static Long shares(Element cputune) throws VirtException {
        String text = Dom.text(cputune, "shares");
        if (text == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text.strip());
        } catch (NumberFormatException e) {
            throw DefErrors.xml("can't parse cputune shares value");
        }
    }

    private static String pmState(Element pm, String element) throws VirtException {
        return DefErrors.requireEnum(Dom.childAttr(pm, element, "enabled"), Set.of("yes", "no"), "enabled", element);
    }

    private static String virtType(Element root) throws VirtException {
        String type = Dom.attr(root, "type");
        if (type == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "missing domain type attribute");
        }
        if (!VIRT_TYPES.contains(type)) {
            throw DefErrors.unsupported("invalid domain type " + type);
        }
        return type;
    }

    /** The uuid text in 36-character or 32-hex form; null when absent. */
    static UUID uuid(String text) throws VirtException {
        if (text == null) {
            return null;
        }
        String hex = text.strip().replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "malformed uuid element");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static long memory(Element root, String element) throws VirtException {
        Element e = Dom.child(root, element);
        if (e == null) {
            return 0;
        }
        return MemoryUnits.toKiB(e.getTextContent(), Dom.attr(e, "unit"), "./" + element + "[1]");
    }

    /** {@code <vcpus>}: the per-vCPU states a running guest's status file (or the user) wrote. */
    private static Vcpus withSlots(Vcpus vcpus, Element e) {
        if (e == null) {
            return vcpus;
        }
        List<DomainDef.VcpuSlot> slots = new ArrayList<>();
        for (Element v : Dom.children(e, "vcpu")) {
            try {
                String order = Dom.attr(v, "order");
                slots.add(new DomainDef.VcpuSlot(Integer.parseInt(Dom.attr(v, "id")),
                        "yes".equals(Dom.attr(v, "enabled")), "yes".equals(Dom.attr(v, "hotpluggable")),
                        order == null ? 0 : Integer.parseInt(order)));
            } catch (NumberFormatException ignored) {
                // a malformed entry is left out, as the count in <vcpu> stays authoritative
            }
        }
        slots.sort(java.util.Comparator.comparingInt(DomainDef.VcpuSlot::id));
        return slots.size() == vcpus.max() ? new Vcpus(vcpus.max(), vcpus.current(), vcpus.placement(), slots) : vcpus;
    }

    private static Vcpus vcpus(Element e) throws VirtException {
        if (e == null) {
            return new Vcpus(1, 0, "static");
        }
        int max = integer(e.getTextContent(), "maximum vcpus count must be an integer");
        int current = 0;
        String cur = Dom.attr(e, "current");
        if (cur != null) {
            current = integer(cur, "current vcpus count must be an integer");
        }
        String placement = DefErrors.requireEnum(Dom.attr(e, "placement"), PLACEMENTS, "placement", "vcpu");
        if (max == 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "CPU IDs in <numa> exceed the <vcpu> count");
        }
        if (current > max) {
            throw DefErrors.unsupported("maximum vCPU count must not be less than current vCPU count");
        }
        return new Vcpus(max, current == max ? 0 : current, placement == null ? "static" : placement);
    }

    private static int integer(String text, String message) throws VirtException {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw DefErrors.xml(message);
        }
    }

    private static OsDef os(Element os) throws VirtException {
        Element type = Dom.child(os, "type");
        if (type == null || type.getTextContent().isBlank()) {
            throw DefErrors.xml("an os <type> must be specified");
        }
        if (type.getTextContent().strip().equals("exe") && Dom.text(os, "init") == null) {
            throw DefErrors.xml("init binary must be specified");
        }
        String arch = Dom.attr(type, "arch");
        if (arch != null && !Architectures.isKnown(arch)) {
            throw DefErrors.unsupported("Unknown architecture " + arch);
        }
        List<String> boots = new ArrayList<>();
        for (Element b : Dom.children(os, "boot")) {
            String dev = Dom.attr(b, "dev");
            DefErrors.requireEnum(dev == null ? "" : dev, BOOT_DEVS, "dev", "boot");
            boots.add(dev);
        }
        String menu = Dom.childAttr(os, "bootmenu", "enable");
        DefErrors.requireEnum(menu, Set.of("yes", "no"), "enable", "bootmenu");
        return new OsDef(type.getTextContent().strip(), Dom.attr(type, "arch"), Dom.attr(type, "machine"),
                Dom.text(os, "kernel"), Dom.text(os, "initrd"), Dom.text(os, "cmdline"), boots, menu,
                DefErrors.requireEnum(Dom.childAttr(os, "smbios", "mode"), Set.of("emulate", "host", "sysinfo"), "mode",
                        "smbios"), OsFirmwareXml.parse(os));
    }

    private static List<Feature> features(Element features) throws VirtException {
        List<Feature> out = new ArrayList<>();
        for (Element f : Dom.children(features, null)) {
            String name = f.getTagName();
            if (!FeatureOrder.isKnown(name)) {
                throw DefErrors.unsupported("unexpected feature '" + name + "'");
            }
            String state = Dom.attr(f, "state");
            if (FeatureOrder.hasState(name)) {
                DefErrors.requireEnum(state, Set.of("on", "off"), "state", name);
                out.add(new Feature(name, state == null ? "on" : state));
            } else {
                out.add(new Feature(name, null));
            }
        }
        out.sort((a, b) -> Integer.compare(FeatureOrder.rank(a.name()), FeatureOrder.rank(b.name())));
        return out;
    }

    private static CpuDef cpu(Element cpu) throws VirtException {
        if (cpu == null) {
            return null;
        }
        String mode = Dom.attr(cpu, "mode");
        if (mode != null && !CPU_MODES.contains(mode)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.CPU,
                    "Invalid mode attribute '" + mode + "'");
        }
        String match = DefErrors.requireEnum(Dom.attr(cpu, "match"), Set.of("minimum", "exact", "strict"),
                "match", "cpu");
        String check = DefErrors.requireEnum(Dom.attr(cpu, "check"), Set.of("none", "partial", "full"),
                "check", "cpu");
        Element model = Dom.child(cpu, "model");
        String fallback = DefErrors.requireEnum(Dom.attr(model, "fallback"), Set.of("allow", "forbid"),
                "fallback", "model");
        return new CpuDef(mode, match, check, Dom.attr(cpu, "migratable"),
                model == null ? null : model.getTextContent().strip(), fallback, topology(Dom.child(cpu, "topology")),
                cpuFeatures(cpu));
    }

    private static List<DomainDef.CpuFeature> cpuFeatures(Element cpu) throws VirtException {
        List<DomainDef.CpuFeature> out = new ArrayList<>();
        for (Element f : Dom.children(cpu, "feature")) {
            String policy = DefErrors.requireEnum(orRequire(Dom.attr(f, "policy")),
                    Set.of("force", "require", "optional", "disable", "forbid"), "policy", "feature");
            String name = Dom.attr(f, "name");
            if (name == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.CPU, "missing CPU feature name");
            }
            out.add(new DomainDef.CpuFeature(policy, name));
        }
        return out;
    }

    /** A feature without a policy is required (libvirt's default for guest CPUs). */
    private static String orRequire(String policy) {
        return policy == null ? "require" : policy;
    }

    private static DomainDef.Topology topology(Element t) throws VirtException {
        if (t == null) {
            return null;
        }
        int sockets = DefErrors.uint(Dom.attr(t, "sockets"), "CPU sockets");
        int dies = DefErrors.uint(Dom.attr(t, "dies"), "CPU dies");
        int cores = DefErrors.uint(Dom.attr(t, "cores"), "CPU cores");
        int threads = DefErrors.uint(Dom.attr(t, "threads"), "CPU threads");
        return new DomainDef.Topology(Math.max(sockets, 1), Math.max(dies, 0), Math.max(cores, 1),
                Math.max(threads, 1));
    }

    private static ClockDef clock(Element clock) throws VirtException {
        if (clock == null) {
            return null;
        }
        String offset = Dom.attr(clock, "offset");
        if (offset != null && !CLOCK_OFFSETS.contains(offset)) {
            throw DefErrors.unsupported("unknown clock offset '" + offset + "'");
        }
        List<Timer> timers = new ArrayList<>();
        for (Element t : Dom.children(clock, "timer")) {
            timers.add(new Timer(Dom.attr(t, "name"), Dom.attr(t, "present"), Dom.attr(t, "tickpolicy"),
                    Dom.attr(t, "track")));
        }
        return new ClockDef(offset, timers);
    }

    private static String action(Element root, String element, Set<String> allowed) throws VirtException {
        String v = Dom.text(root, element);
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (!allowed.contains(v)) {
            throw DefErrors.unsupported("unknown " + element + " action: " + v);
        }
        return v;
    }
}
