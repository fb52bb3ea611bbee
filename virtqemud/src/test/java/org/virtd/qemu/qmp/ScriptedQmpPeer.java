package org.virtd.qemu.qmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fake QEMU monitor on a temp unix socket (libvirt's qemumonitortestutils): sends the greeting,
 * then plays a script of expected command → canned reply steps, raw lines (events) and a hang-up.
 * Anything unscripted is recorded as a failure and the connection is dropped.
 */
public final class ScriptedQmpPeer implements AutoCloseable {
    public static final String GREETING = "{\"QMP\":{\"version\":{\"qemu\":{\"micro\":22,\"minor\":2,\"major\":7},"
            + "\"package\":\"Debian 1:7.2+dfsg-7\"},\"capabilities\":[\"oob\"]}}";

    private sealed interface Step permits Expect, Raw, HangUp, Pause { }
    private record Pause(long millis) implements Step { }
    private record Expect(String command, String arguments, String reply) implements Step { }
    private record Raw(String line) implements Step { }
    private record HangUp() implements Step { }

    private final Path path;
    private final ServerSocketChannel server;
    private final List<Step> script = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile SocketChannel peer;
    private String greeting = GREETING;

    public ScriptedQmpPeer(Path dir) throws IOException {
        this.path = dir.resolve("qmp.sock");
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    public Path path() {
        return path;
    }

    public ScriptedQmpPeer greeting(String line) {
        this.greeting = line;
        return this;
    }

    /** Expects {@code command} (arguments compared as compact JSON when non-null) and answers {@code reply}; a null reply means silence. */
    public ScriptedQmpPeer expect(String command, String arguments, String reply) {
        script.add(new Expect(command, arguments, reply));
        return this;
    }

    public ScriptedQmpPeer expect(String command, String reply) {
        return expect(command, null, reply);
    }

    /** The usual handshake step. */
    public ScriptedQmpPeer handshake() {
        return expect("qmp_capabilities", "{\"return\":{}}");
    }

    public ScriptedQmpPeer send(String rawLine) {
        script.add(new Raw(rawLine));
        return this;
    }

    public ScriptedQmpPeer pause(long millis) {
        script.add(new Pause(millis));
        return this;
    }

    public ScriptedQmpPeer hangUp() {
        script.add(new HangUp());
        return this;
    }

    public ScriptedQmpPeer start() {
        Thread t = new Thread(this::run, "scripted-qmp-peer");
        t.setDaemon(true);
        t.start();
        return this;
    }

    public List<String> failures() {
        return failures;
    }

    public List<JsonObject> received() {
        return received;
    }

    /** Waits until the script ended (played out and the client left, or hung up). */
    public boolean awaitDone(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        try (SocketChannel ch = server.accept()) {
            peer = ch;
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(ch);
            writeLine(out, greeting);
            for (Step step : script) {
                if (!play(step, in, out)) {
                    return;
                }
            }
            String extra;
            while ((extra = in.readLine()) != null) {
                failures.add("unscripted command after end of script: " + extra);
            }
        } catch (IOException e) {
            // client went away; whatever is left unplayed is checked by the test
        } finally {
            done.countDown();
        }
    }

    private boolean play(Step step, BufferedReader in, OutputStream out) throws IOException {
        if (step instanceof Raw raw) {
            writeLine(out, raw.line());
            return true;
        }
        if (step instanceof HangUp) {
            return false;
        }
        if (step instanceof Pause p) {
            try {
                Thread.sleep(p.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }
        Expect e = (Expect) step;
        String line = in.readLine();
        if (line == null) {
            failures.add("client left while '" + e.command() + "' was expected");
            return false;
        }
        JsonObject cmd;
        try {
            cmd = JsonParser.parseObject(line);
        } catch (JsonParseException ex) {
            failures.add("client sent bad JSON: " + line);
            return false;
        }
        received.add(cmd);
        String name = cmd.string("execute", "");
        String args = cmd.has("arguments") ? cmd.get("arguments").toJson() : null;
        if (!name.equals(e.command()) || (e.arguments() != null && !e.arguments().equals(args))) {
            failures.add("expected " + e.command() + " " + e.arguments() + ", got " + line);
            return false;
        }
        if (e.reply() != null) {
            try {
                writeLine(out, JsonParser.parseObject(e.reply()).with("id", cmd.get("id")).toJson());
            } catch (JsonParseException ex) {
                throw new IllegalStateException("bad canned reply " + e.reply(), ex);
            }
        }
        return true;
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        SocketChannel p = peer;
        if (p != null) {
            p.close();
        }
        server.close();
        Files.deleteIfExists(path);
    }
}
