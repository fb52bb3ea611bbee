package org.virtd.qemu.host;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CONNECT_GET_SYSINFO: the host's SMBIOS data as libvirt's {@code <sysinfo type='smbios'>}.
 * Hosts without SMBIOS (most VMs without DMI tables) get libvirt's error for that case.
 */
public final class Sysinfo {
    private static final Path DMI = Path.of("/sys/class/dmi/id");

    private Sysinfo() {
    }

    public static String xml() throws VirtException {
        if (!Files.isDirectory(Path.of("/sys/firmware/dmi/tables")) || !Files.isDirectory(DMI)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Host SMBIOS information is not available");
        }
        StringBuilder sb = new StringBuilder("<sysinfo type='smbios'>\n");
        section(sb, "bios", new String[][]{{"vendor", "bios_vendor"}, {"version", "bios_version"},
                {"date", "bios_date"}, {"release", "bios_release"}});
        section(sb, "system", new String[][]{{"manufacturer", "sys_vendor"}, {"product", "product_name"},
                {"version", "product_version"}, {"serial", "product_serial"}, {"uuid", "product_uuid"},
                {"sku", "product_sku"}, {"family", "product_family"}});
        section(sb, "baseBoard", new String[][]{{"manufacturer", "board_vendor"}, {"product", "board_name"},
                {"version", "board_version"}, {"serial", "board_serial"}, {"asset", "board_asset_tag"}});
        section(sb, "chassis", new String[][]{{"manufacturer", "chassis_vendor"}, {"version", "chassis_version"},
                {"serial", "chassis_serial"}, {"asset", "chassis_asset_tag"}});
        return sb.append("</sysinfo>\n").toString();
    }

    private static void section(StringBuilder sb, String name, String[][] entries) {
        StringBuilder body = new StringBuilder();
        for (String[] e : entries) {
            String v = read(e[1]);
            if (v != null && !v.isEmpty()) {
                body.append("    <entry name='").append(e[0]).append("'>").append(Xml.escape(v)).append("</entry>\n");
            }
        }
        if (body.length() > 0) {
            sb.append("  <").append(name).append(">\n").append(body).append("  </").append(name).append(">\n");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(DMI.resolve(file)).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
