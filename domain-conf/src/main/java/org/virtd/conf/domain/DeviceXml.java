package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Set;

/**
 * One device given on its own, as attach/detach/update device calls send it: the name of its
 * element and the device, read exactly as it would be inside {@code <devices>}. Kinds the
 * definition model has no list for (hostdev, ...) come back with no device in {@code devices}.
 */
public final class DeviceXml {

    /** Device elements libvirt knows (virDomainDeviceType), whether or not this model keeps them. */
    private static final Set<String> KINDS = Set.of("disk", "lease", "filesystem", "interface", "input", "sound",
            "video", "hostdev", "watchdog", "controller", "graphics", "hub", "redirdev", "smartcard", "chardev",
            "memballoon", "nvram", "rng", "shmem", "tpm", "panic", "memory", "iommu", "vsock", "audio", "serial",
            "parallel", "channel", "console", "crypto");

    private DeviceXml() {
    }

    /** The device's element name ({@code disk}, {@code interface}...) and what was parsed of it. */
    public record Parsed(String kind, Devices devices) {
    }

    public static Parsed parse(String xml, DomainXmlOptions options) throws VirtException {
        Document doc = SecureXml.parse(xml, "(device_definition)");
        Element root = doc.getDocumentElement();
        String kind = root.getTagName();
        if (!KINDS.contains(kind)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "unknown device type '" + kind + "'");
        }
        Element devices = doc.createElement("devices");
        doc.replaceChild(devices, root);
        devices.appendChild(root);
        return new Parsed(kind, DeviceXmlParser.parse(devices, options));
    }
}
