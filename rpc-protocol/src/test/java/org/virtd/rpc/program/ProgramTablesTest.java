package org.virtd.rpc.program;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.RemoteProgram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guard tests over the declaration tables: every procedure of spec/procnames.tsv is declared, once, by its wire name. */
class ProgramTablesTest {

    static final List<Program> PROGRAMS = List.of(RemoteProgram.PROGRAM, QemuProgram.PROGRAM, LxcProgram.PROGRAM,
            AdminProgram.PROGRAM, KeepaliveProgram.PROGRAM);

    /** program id → (number → wire name) from the procnames fixture. */
    static Map<Integer, Map<Integer, String>> procnames() throws IOException {
        Map<Integer, Map<Integer, String>> out = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ProgramTablesTest.class.getResourceAsStream("/spec/procnames.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.computeIfAbsent(Integer.parseUnsignedInt(f[0], 16), k -> new TreeMap<>())
                        .put(Integer.parseInt(f[1]), f[2]);
            }
        }
        return out;
    }

    @Test
    void everyNumberInProcnamesIsDeclaredUnderItsName() throws IOException {
        Map<Integer, Map<Integer, String>> names = procnames();
        assertEquals(5, names.size());
        for (Program program : PROGRAMS) {
            Map<Integer, String> expected = names.get(program.id());
            assertNotNull(expected, program.toString());
            for (Map.Entry<Integer, String> e : expected.entrySet()) {
                Procedure<?, ?> p = program.procedure(e.getKey());
                assertNotNull(p, program.name() + " " + e.getKey() + " " + e.getValue() + " is not declared");
                assertEquals(e.getValue(), p.name(), program.name() + " " + e.getKey());
                assertEquals(program.id(), p.program());
            }
            assertEquals(expected.size(), program.procedures().size(), program.name() + " declares extra numbers");
        }
    }

    @Test
    void remoteDeclaresEveryNumberUpTo443() {
        for (int n = 1; n <= 443; n++) {
            assertNotNull(RemoteProgram.PROGRAM.procedure(n), "REMOTE " + n);
        }
        assertEquals(null, RemoteProgram.PROGRAM.procedure(444));
        assertEquals(null, RemoteProgram.PROGRAM.procedure(0));
    }

    @Test
    void numbersAndNamesAreUniquePerProgram() {
        for (Program program : PROGRAMS) {
            Set<Integer> numbers = new HashSet<>();
            Set<String> wireNames = new HashSet<>();
            for (Procedure<?, ?> p : program.procedures()) {
                assertTrue(numbers.add(p.number()), p.toString());
                assertTrue(wireNames.add(p.name()), p.toString());
            }
        }
    }

    @Test
    void readOnlyRulesOfTheEverydaySet() {
        assertFalse(RemoteProgram.DOMAIN_CREATE.readOnlyAllowed());
        assertEquals("read only access prevents virDomainCreate", RemoteProgram.DOMAIN_CREATE.readOnlyRefusal(null));
        assertTrue(RemoteProgram.DOMAIN_LOOKUP_BY_NAME.readOnlyAllowed());
        assertEquals(null, RemoteProgram.DOMAIN_GET_XML_DESC.readOnlyRefusal(
                new org.virtd.rpc.remote.types.DomainFlagsArgs(null, 2)));
        assertEquals("virDomainGetXMLDesc with secure flag", RemoteProgram.DOMAIN_GET_XML_DESC.readOnlyRefusal(
                new org.virtd.rpc.remote.types.DomainFlagsArgs(null, 1)));
        assertEquals("virDomainGetXMLDesc with secure flag", RemoteProgram.DOMAIN_GET_XML_DESC.readOnlyRefusal(
                new org.virtd.rpc.remote.types.DomainFlagsArgs(null, 8)));
        assertEquals("read only access prevents virDomainGetVcpusFlags",
                RemoteProgram.DOMAIN_GET_VCPUS_FLAGS.readOnlyRefusal(new org.virtd.rpc.remote.types.DomainFlagsArgs(null, 8)));
        assertEquals(StreamKind.BOTH, RemoteProgram.DOMAIN_OPEN_CONSOLE.stream());
        assertEquals(StreamKind.READ, RemoteProgram.DOMAIN_SCREENSHOT.stream());
        assertEquals(Priority.HIGH, RemoteProgram.DOMAIN_LOOKUP_BY_NAME.priority());
        assertTrue(RemoteProgram.AUTH_LIST.beforeAuth());
        assertTrue(RemoteProgram.CONNECT_SUPPORTS_FEATURE.beforeOpen());
        assertEquals("virDomainFDAssociate", RemoteProgram.PROGRAM.procedure(443).api());
        assertEquals(org.virtd.rpc.error.ErrorDomain.STORAGE, RemoteProgram.PROGRAM.procedure(76).refusalDomain());
    }
}
