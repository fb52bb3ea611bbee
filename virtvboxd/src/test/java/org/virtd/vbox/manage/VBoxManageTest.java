package org.virtd.vbox.manage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a VBoxManage run is carried out, with a shell script as the program: both streams whole and
 * apart (more than a pipe holds), the exit status, the deadline, and no thread left behind.
 */
class VBoxManageTest {
    @TempDir
    Path dir;

    private VBoxManage program(String body, Duration timeout) throws Exception {
        Path p = dir.resolve("VBoxManage");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        p.toFile().setExecutable(true);
        return new VBoxManage(p, timeout);
    }

    @Test
    void bothStreamsWholeAndApartWithTheExitStatus() throws Exception {
        VBoxManage m = program("echo \"out $1\"; echo 'err' >&2; head -c 200000 /dev/zero | tr '\\0' o;"
                + " head -c 100000 /dev/zero | tr '\\0' e >&2; exit 3", Duration.ofSeconds(30));
        Output out = m.run(List.of("arg"));
        assertEquals(3, out.exit());
        assertTrue(out.stdout().startsWith("out arg\n"), out.stdout().substring(0, 20));
        assertEquals(8 + 200000, out.stdout().length());
        assertTrue(out.stderr().startsWith("err\n"));
        assertEquals(4 + 100000, out.stderr().length());
        assertEquals(List.of("arg"), out.args());
    }

    @Test
    void aProgramPastItsDeadlineIsKilled() throws Exception {
        VBoxManage m = program("exec sleep 30", Duration.ofMillis(500));
        long start = System.nanoTime();
        VirtException e = assertThrows(VirtException.class, () -> m.run(List.of("list", "vms")));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void noReaperOrReaderThreadOutlivesTheCall() throws Exception {
        VBoxManage m = program("echo 7.0.0r1", Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertEquals("7.0.0r1\n", m.call("--version").stdout());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            Thread.sleep(200);
            left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("process reaper") || n.startsWith("vboxmanage")).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), left, "threads a call left");
    }
}
