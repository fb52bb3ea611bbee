package org.virtd.qemu.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestAgentTest {
    @TempDir
    Path dir;

    private static String replyTo(String line) {
        if (line.contains("guest-get-time")) {
            return "{\"return\": 1700000000123456789}";
        } else if (line.contains("guest-network-get-interfaces")) {
            return "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": \"52:54:00:00:00:01\", \"ip-addresses\": "
                    + "[{\"ip-address-type\": \"ipv4\", \"ip-address\": \"192.0.2.1\", \"prefix\": 24}]},"
                    + "{\"name\": \"eth0:1\", \"ip-addresses\": [{\"ip-address-type\": \"ipv6\", "
                    + "\"ip-address\": \"2001:db8::1\", \"prefix\": 64}]}]}";
        } else if (line.contains("guest-get-fsinfo")) {
            return "{\"return\": [{\"name\": \"sda2\", \"mountpoint\": \"/boot\", \"type\": \"ext2\", \"disk\": []},"
                    + "{\"name\": \"sda1\", \"mountpoint\": \"/\", \"type\": \"ext4\", \"total-bytes\": 10, "
                    + "\"used-bytes\": 5, \"disk\": [{\"serial\": \"S1\", \"dev\": \"/dev/sda1\"}]}]}";
        } else if (line.contains("guest-get-users")) {
            return "{\"return\": [{\"user\": \"root\", \"login-time\": 1700000000.25}, "
                    + "{\"user\": \"bob\", \"domain\": \"CORP\", \"login-time\": 1.5}]}";
        } else if (line.contains("guest-get-osinfo")) {
            return "{\"return\": {\"kernel-release\": \"6.1\", \"id\": \"debian\", \"machine\": \"x86_64\"}}";
        } else if (line.contains("guest-set-user-password")) {
            return "{\"return\": {}}";
        } else if (line.contains("guest-get-disks")) {
            return "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command guest-get-disks has not been found\"}}";
        }
        return "{\"return\": \"unexpected\"}";
    }

    @Test
    void readsTheAgentsAnswersAsLibvirtDoes() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.answer = GuestAgentTest::replyTo;
            GuestAgent g = new GuestAgent(c);
            assertArrayEquals(new long[] {1700000000L, 123456789L}, g.time());

            List<GuestAgent.Iface> ifaces = g.interfaces();
            assertEquals(1, ifaces.size(), "an alias's addresses join its device");
            assertEquals(List.of(new GuestAgent.Address(0, "192.0.2.1", 24), new GuestAgent.Address(1, "2001:db8::1", 64)),
                    ifaces.get(0).addrs());

            List<GuestAgent.FsInfo> fs = g.fsInfo();
            assertEquals("/", fs.get(0).mountpoint(), "listed in reverse");
            assertEquals(List.of(new GuestAgent.FsDisk("S1", "/dev/sda1")), fs.get(0).disks());
            assertNull(fs.get(1).totalBytes());

            List<GuestAgent.User> users = g.usersIfSupported();
            assertEquals(new GuestAgent.User("root", null, 1700000000250L), users.get(0));
            assertEquals("CORP", users.get(1).domain());

            Map<String, String> os = g.osInfoIfSupported();
            assertEquals(List.of("id", "machine", "kernel-release"), List.copyOf(os.keySet()));
            assertNull(g.disksIfSupported(), "an unknown command leaves its group out");

            g.setUserPassword("root", "secret", false);
            assertTrue(fake.received.get(fake.received.size() - 1).equals(
                    "{\"execute\":\"guest-set-user-password\",\"arguments\":{\"crypted\":false,\"username\":\"root\","
                            + "\"password\":\"c2VjcmV0\"}}"));
        }
    }

    @Test
    void aMalformedAnswerIsReported() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.answer = l -> "{\"return\": \"not a number\"}";
            VirtException e = assertThrows(VirtException.class, () -> new GuestAgent(c).time());
            assertEquals("internal error: guest agent returned malformed or invalid return value", e.getMessage());
        }
    }
}
