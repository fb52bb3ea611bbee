package org.virtd.vbox.manage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineReadableTest {

    static String resource(String name) throws IOException {
        try (InputStream in = MachineReadableTest.class.getResourceAsStream("/manage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runningMachineWithOddLines() throws IOException {
        KeyValues kv = MachineReadable.parse(resource("showvminfo-running-7.0.18.txt"));
        MachineInfo info = MachineInfo.of(kv);
        assertEquals("demo", info.name());
        assertEquals("6d0a5c1e-2f6b-4f5e-9c1d-1a2b3c4d5e6f", info.uuid().toString());
        assertEquals(MachineState.RUNNING, info.state());
        assertEquals(2048, info.memoryMiB());
        assertEquals(2, info.cpus());
        assertEquals("/var/img/demo.vmdk", kv.get("SATA Controller-0-0"));
        assertEquals("emptydrive", kv.get("SATA Controller-1-0"));
        assertEquals(2, kv.number("storagecontrollerportcount0", 0));
        assertEquals("720,400,0", kv.get("VideoMode"));
        assertEquals("=0", kv.get("VRDEClients"));
        assertEquals("/x/y.nvram", kv.get("BIOS NVRAM File"));
        assertEquals("50,1458910695598", kv.get("GuestAdditionsFacility_VirtualBox Base Driver"));
        assertEquals("ssh,tcp,127.0.0.1,2200,,22", kv.get("Forwarding(0)"));
        assertEquals("say \"hi\" \\ there", kv.get("description"));
        assertFalse(kv.has("Encryption:     disabled"));
        assertFalse(kv.has("rec_screen0"));
        assertTrue(kv.isOn("acpi"));
    }

    @Test
    void quotedKeyWithEqualsAndInaccessibleMachine() {
        KeyValues kv = MachineReadable.parse("\"a=b\"=\"c\"\nname=\"<inaccessible>\"\nUUID=\"db732f27-4b54-4cdf-83a3-fef0c37c8db6\"\n");
        assertEquals("c", kv.get("a=b"));
        assertFalse(MachineInfo.of(kv).accessible());
        assertEquals(MachineState.NULL, MachineInfo.of(kv).state());
        assertNull(kv.get("memory"));
    }

    @Test
    void listsKeepOrderAndSkipOddLines() {
        var list = MachineList.parse("\"web1\" {9c7f86ea-7efc-4895-b1a7-6ee6a58b7eb0}\n"
                + "\"<inaccessible>\" {db732f27-4b54-4cdf-83a3-fef0c37c8db6}\n"
                + "garbage\n\"a \"quoted\" {x}\" {11111111-2222-3333-4444-555555555555}\n");
        assertEquals(3, list.size());
        assertEquals("web1", list.get(0).name());
        assertFalse(list.get(1).accessible());
        assertEquals("a \"quoted\" {x}", list.get(2).name());
    }

    @Test
    void versions() {
        assertEquals(7000018, VBoxVersion.parse("7.0.18r162988\n").number());
        assertEquals(6001050, VBoxVersion.parse("6.1.50_Ubuntur161033").number());
        assertNull(VBoxVersion.parse("Oracle VM VirtualBox"));
    }

    @Test
    void systemProperties() {
        KeyValues kv = SystemProperties.parse("API version:                     7_0\n"
                + "Maximum guest RAM size:          2097152 Megabytes\nMaximum guest CPU count:         64\n");
        assertEquals(64, kv.number(SystemProperties.MAX_GUEST_CPUS, 0));
        assertEquals(2097152, kv.number(SystemProperties.MAX_GUEST_RAM_MIB, 0));
    }

    @Test
    void stateNamesMapAsLibvirtDoes() {
        assertEquals(5, MachineState.of("poweroff").domainState());
        assertEquals(5, MachineState.of("saved").domainState());
        assertEquals(6, MachineState.of("aborted").domainState());
        assertEquals(2, MachineState.of("gurumeditation").domainState());
        assertTrue(MachineState.of("gurumeditation").online());
        assertEquals(4, MachineState.of("stopping").domainState());
        assertEquals(0, MachineState.of("aborted-saved").domainState());
        assertFalse(MachineState.of("aborted-saved").startable());
        assertEquals(MachineState.NULL, MachineState.of("brandnew"));
    }

    @Test
    void quotedValuesSpanLinesAndExtraDataValuesToo() {
        KeyValues kv = MachineReadable.parse("name=\"a\"\ndescription=\"one\ntwo \\\"q\\\"\"\nmemory=128\n");
        assertEquals("one\ntwo \"q\"", kv.get("description"));
        assertEquals(128, kv.number("memory", 0));
        assertEquals(java.util.Map.of("a", "1", "b", "x\ny"),
                ExtraData.parse("Key: a, Value: 1\nKey: b, Value: x\ny\n"));
    }
}
