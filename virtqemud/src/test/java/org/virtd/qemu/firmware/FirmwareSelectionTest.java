package org.virtd.qemu.firmware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.OsFirmware;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirmwareSelectionTest {
    @TempDir
    Path dir;

    private void descriptor(String file, String code, String vars, String machines, String... features)
            throws IOException {
        Files.writeString(dir.resolve(file), "{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
                + "\"executable\":{\"filename\":\"" + code + "\",\"format\":\"raw\"},"
                + "\"nvram-template\":{\"filename\":\"" + vars + "\",\"format\":\"raw\"}},"
                + "\"targets\":[{\"architecture\":\"x86_64\",\"machines\":[" + machines + "]}],"
                + "\"features\":[" + String.join(",", features) + "]}");
    }

    private FirmwareSelection selection() throws IOException {
        descriptor("40-secure.json", "/fw/SB_CODE.fd", "/fw/SB_VARS.fd", "\"pc-q35-*\"",
                "\"enrolled-keys\"", "\"requires-smm\"", "\"secure-boot\"");
        descriptor("60-plain.json", "/fw/CODE.fd", "/fw/VARS.fd", "\"pc-i440fx-*\",\"pc-q35-*\"");
        return new FirmwareSelection(List.of(dir), Path.of("/state/nvram"));
    }

    private static DomainDef def(String machine, String os) throws VirtException {
        return QemuXmlConf.PARSER.parse("<domain type='qemu'><name>g</name><memory>65536</memory>"
                + "<os firmware='efi'><type arch='x86_64' machine='" + machine + "'>hvm</type>" + os + "</os>"
                + "<features><acpi/></features></domain>", false);
    }

    @Test
    void firstMatchingDescriptorInFileNameOrderFillsLoaderAndStore() throws Exception {
        DomainDef out = selection().fill(def("pc-q35-7.2", ""));
        OsFirmware fw = out.os().firmware();
        assertNull(fw.firmware());
        assertEquals(new OsFirmware.Loader("yes", "yes", "pflash", "/fw/SB_CODE.fd"), fw.loader());
        assertEquals(new OsFirmware.Nvram("/fw/SB_VARS.fd", "/state/nvram/g_VARS.fd"), fw.nvram());
        assertTrue(out.features().contains(new DomainDef.Feature("smm", "on")));
    }

    @Test
    void refusedSecureBootAndMachineTargetsNarrowTheChoice() throws Exception {
        FirmwareSelection s = selection();
        String refused = "<firmware><feature enabled='no' name='secure-boot'/></firmware>";
        assertEquals("/fw/CODE.fd", s.fill(def("pc-q35-7.2", refused)).os().firmware().loader().path());
        assertEquals("/fw/CODE.fd", s.fill(def("pc-i440fx-7.2", "")).os().firmware().loader().path());
        String wanted = "<firmware><feature enabled='yes' name='secure-boot'/></firmware>";
        VirtException e = assertThrows(VirtException.class, () -> s.fill(def("pc-i440fx-7.2", wanted)));
        assertEquals("operation failed: Unable to find any firmware to satisfy 'efi'", e.getMessage());
    }

    @Test
    void bareLoaderGetsTheTemplateOfItsDescriptorAndDefineNamesItsStore() throws Exception {
        DomainDef bare = QemuXmlConf.PARSER.parse("<domain type='qemu'><name>g</name><memory>65536</memory>"
                + "<os><type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>"
                + "<loader readonly='yes' type='pflash'>/fw/CODE.fd</loader></os></domain>", false);
        FirmwareSelection s = selection();
        assertEquals(new OsFirmware.Nvram(null, "/state/nvram/g_VARS.fd"),
                s.withDefaultNvram(bare).os().firmware().nvram());
        assertEquals(new OsFirmware.Nvram("/fw/VARS.fd", "/state/nvram/g_VARS.fd"),
                s.fill(bare).os().firmware().nvram());
    }
}
