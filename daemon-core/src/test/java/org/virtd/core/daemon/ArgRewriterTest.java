package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArgRewriterTest {

    @Test
    void dropsDaemonAndAbsolutisesPaths() {
        Path cwd = Path.of("/w");
        assertEquals(List.of("-v", "-f", "/w/a.conf", "-t", "5"),
                ArgRewriter.forChild(List.of("-dv", "-f", "a.conf", "-t", "5"), cwd));
        assertEquals(List.of("--config=/w/c", "-p", "/abs/p"),
                ArgRewriter.forChild(List.of("--daemon", "--config=c", "-p/abs/p"), cwd));
        assertEquals(List.of("-v", "-p", "/w/x.pid"), ArgRewriter.forChild(List.of("-vdpx.pid"), cwd));
        assertEquals(List.of("--pid-file", "/w/q"), ArgRewriter.forChild(List.of("-d", "--pid-file", "q"), cwd));
    }
}
