package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The structural part of libvirt's domain.rng used for VIR_DOMAIN_DEFINE_VALIDATE: every element
 * and attribute must be known at its place, else 92/5 with libxml2-style detail lines
 * (qemu-driver.md §3). Elements libvirt knows but this model does not interpret are accepted
 * with any content ({@code *}), and so are those of the driver's namespaces
 * ({@link DomainXmlOptions#namespaces()}); value-level checks are left to the parser.
 */
final class DomainSchema {

    private static final String ANY = "*";
    private static final Map<String, Set<String>> CHILDREN = new HashMap<>();
    private static final Map<String, Set<String>> ATTRS = new HashMap<>();

    static {
        node("domain", "type id", "name uuid genid title description metadata maxMemory memory "
                + "currentMemory blkiotune memtune memoryBacking vcpu vcpus iothreads iothreadids cputune "
                + "numatune resource sysinfo bootloader bootloader_args os idmap features cpu clock on_poweroff "
                + "on_reboot on_crash on_lockfailure pm perf devices seclabel keywrap launchSecurity");
        for (String opaque : ("metadata maxMemory blkiotune memtune memoryBacking vcpus iothreads iothreadids "
                + "cputune resource sysinfo idmap pm perf seclabel keywrap launchSecurity on_lockfailure "
                + "genid bootloader bootloader_args").split(" ")) {
            CHILDREN.put("domain/" + opaque, Set.of(ANY));
        }
        node("domain/name", "", "");
        node("domain/uuid", "", "");
        node("domain/title", "", "");
        node("domain/description", "", "");
        node("domain/memory", "unit dumpCore", "");
        node("domain/currentMemory", "unit", "");
        node("domain/vcpu", "placement cpuset current", "");
        node("domain/numatune", "", "memory memnode");
        node("domain/numatune/memory", "mode nodeset placement", "");
        node("domain/numatune/memnode", "cellid mode nodeset", "");
        node("domain/os", "firmware", "type loader nvram kernel initrd cmdline dtb acpi boot bootmenu smbios bios "
                + "firmware");
        for (String opaque : "loader nvram acpi smbios bios firmware".split(" ")) {
            CHILDREN.put("domain/os/" + opaque, Set.of(ANY));
        }
        node("domain/os/type", "arch machine", "");
        node("domain/os/kernel", "", "");
        node("domain/os/initrd", "", "");
        node("domain/os/cmdline", "", "");
        node("domain/os/dtb", "", "");
        node("domain/os/boot", "dev", "");
        node("domain/os/bootmenu", "enable timeout", "");
        CHILDREN.put("domain/features", Set.of(ANY));
        CHILDREN.put("domain/cpu", Set.of(ANY));
        node("domain/clock", "offset adjustment basis timezone", "timer");
        CHILDREN.put("domain/clock/timer", Set.of(ANY));
        node("domain/on_poweroff", "", "");
        node("domain/on_reboot", "", "");
        node("domain/on_crash", "", "");
        node("domain/devices", "", "emulator disk controller lease filesystem interface input sound hostdev "
                + "graphics video console serial parallel channel smartcard hub redirdev redirfilter rng tpm "
                + "shmem memory iommu vsock crypto watchdog memballoon nvram panic audio");
        for (String opaque : ("lease filesystem sound hostdev parallel channel smartcard hub redirdev redirfilter "
                + "rng tpm shmem memory iommu vsock crypto watchdog nvram panic").split(" ")) {
            CHILDREN.put("domain/devices/" + opaque, Set.of(ANY));
        }
        node("domain/devices/emulator", "", "");
        for (String device : "disk controller interface input graphics video console serial memballoon audio"
                .split(" ")) {
            CHILDREN.put("domain/devices/" + device, Set.of(ANY));
        }
    }

    private DomainSchema() {
    }

    private static void node(String path, String attrs, String children) {
        ATTRS.put(path, attrs.isEmpty() ? Set.of() : Set.of(attrs.split(" ")));
        CHILDREN.put(path, children.isEmpty() ? Set.of() : Set.of(children.split(" ")));
    }

    /** Checks {@code root}; the top-level elements of the driver's namespaces pass with any content. */
    static void check(Element root, DomainXmlOptions options) throws VirtException {
        var attrs = root.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            String a = attrs.item(i).getNodeName();
            if (!ATTRS.get("domain").contains(a) && !a.startsWith("xmlns")) {
                throw failed("Invalid attribute " + a + " for element domain\n");
            }
        }
        for (Element child : Dom.children(root, null)) {
            String name = child.getTagName();
            if (options.namespaceOf(name) != null) {
                continue;
            }
            if (!CHILDREN.get("domain").contains(name)) {
                throw failed("Element domain has extra content: " + name + "\n");
            }
            if (!subtreeValid(child, "domain/" + name)) {
                throw failed("Extra element " + name + " in interleave\nElement domain failed to validate content\n");
            }
        }
    }

    private static boolean subtreeValid(Element e, String path) {
        Set<String> children = CHILDREN.get(path);
        if (children == null) {
            return false;
        }
        if (children.contains(ANY)) {
            return true;
        }
        Set<String> allowed = ATTRS.getOrDefault(path, Set.of());
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            if (!allowed.contains(attrs.item(i).getNodeName())) {
                return false;
            }
        }
        for (Element child : Dom.children(e, null)) {
            if (!children.contains(child.getTagName()) || !subtreeValid(child, path + "/" + child.getTagName())) {
                return false;
            }
        }
        return true;
    }

    private static VirtException failed(String lines) {
        return new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.XML,
                "Unable to validate doc against /usr/share/libvirt/schemas/domain.rng\n" + lines);
    }
}
