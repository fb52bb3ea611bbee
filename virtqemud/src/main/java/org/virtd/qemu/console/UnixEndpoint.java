package org.virtd.qemu.console;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A connection to a character device's UNIX socket (a {@code <channel type='unix'>}). */
final class UnixEndpoint implements CharEndpoint {
    private final String path;
    private final AFUNIXSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private UnixEndpoint(String path, AFUNIXSocket socket) throws IOException {
        this.path = path;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static UnixEndpoint connect(String path) throws IOException {
        AFUNIXSocket s = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(new File(path)));
        try {
            return new UnixEndpoint(path, s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Status read(ByteBuffer buf, int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            byte[] bytes = new byte[buf.remaining()];
            int n = in.read(bytes);
            if (n < 0) {
                return Status.EOF;
            }
            buf.put(bytes, 0, n);
            return Status.DATA;
        } catch (SocketTimeoutException e) {
            return Status.IDLE;
        } catch (IOException e) {
            return Status.EOF;
        }
    }

    /** Blocking: a socket that does not drain is the guest's problem, and the write ends with close. */
    @Override
    public boolean write(ByteBuffer data, int patienceMillis) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
