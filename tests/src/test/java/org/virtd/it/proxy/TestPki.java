package org.virtd.it.proxy;

import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA with server and client certificates made by certtool the way libvirt's TLS docs do
 * ({@code certtool --generate-privkey > key.pem}, templates with {@code tls_www_server} /
 * {@code tls_www_client}), laid out as virsh's {@code ?pkipath=} directories.
 */
final class TestPki {
    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A self-signed CA named {@code name}: {@code name-cacert.pem}, {@code name-cakey.pem}. */
    void ca(String name) throws Exception {
        Path key = key(name + "-cakey.pem");
        Path info = template(name + "-ca.info", "cn = " + name, "ca", "cert_signing_key");
        certtool("--generate-self-signed", "--load-privkey", key.toString(), "--template", info.toString(),
                "--outfile", dir.resolve(name + "-cacert.pem").toString());
    }

    /** A server certificate for 127.0.0.1 signed by {@code ca}: {@code server-cert.pem}/{@code server-key.pem}. */
    void server(String ca) throws Exception {
        issue(ca, "server", List.of("organization = Virtd IT", "cn = 127.0.0.1", "ip_address = 127.0.0.1",
                "ip_address = ::1",
                "tls_www_server", "encryption_key", "signing_key"));
    }

    /** A client certificate with DN {@code C=GB,O=Virtd IT,CN=cn}, signed by {@code ca}. */
    void client(String ca, String name, String cn) throws Exception {
        issue(ca, name, List.of("country = GB", "organization = Virtd IT", "cn = " + cn, "tls_www_client",
                "encryption_key", "signing_key"));
    }

    /**
     * A virsh {@code pkipath} directory trusting the CAs {@code cas} (virsh checks its own
     * certificate against them too), with the client certificate {@code client} (none when null).
     */
    Path clientDir(String client, String... cas) throws IOException {
        Path d = dir.resolve("pki-" + String.join("-", cas) + "-" + (client == null ? "nocert" : client));
        if (Files.isDirectory(d)) {
            return d;
        }
        Files.createDirectories(d);
        StringBuilder bundle = new StringBuilder();
        for (String ca : cas) {
            bundle.append(Files.readString(dir.resolve(ca + "-cacert.pem")));
        }
        Files.writeString(d.resolve("cacert.pem"), bundle);
        if (client != null) {
            Files.copy(dir.resolve(client + "-cert.pem"), d.resolve("clientcert.pem"));
            Files.copy(dir.resolve(client + "-key.pem"), d.resolve("clientkey.pem"));
        }
        return d;
    }

    /** The client {@code name}'s key and certificate as a PKCS#12 file (password "secret") for a Java client. */
    Path pkcs12(String name) throws Exception {
        Path out = dir.resolve(name + ".p12");
        certtool("--to-p12", "--load-privkey", dir.resolve(name + "-key.pem").toString(),
                "--load-certificate", dir.resolve(name + "-cert.pem").toString(), "--p12-name", name,
                "--password", "secret", "--outder", "--outfile", out.toString());
        return out;
    }

    Path caCert(String ca) {
        return dir.resolve(ca + "-cacert.pem");
    }

    /** Installs {@code ca}'s certificate and the server's files at libvirt's root paths under {@code prefix}. */
    void installServer(String ca, Path prefix) throws IOException {
        Path caDir = prefix.resolve("etc/pki/CA");
        Path own = prefix.resolve("etc/pki/libvirt");
        Files.createDirectories(caDir);
        Files.createDirectories(own.resolve("private"));
        Files.copy(dir.resolve(ca + "-cacert.pem"), caDir.resolve("cacert.pem"));
        Files.copy(dir.resolve("server-cert.pem"), own.resolve("servercert.pem"));
        Files.copy(dir.resolve("server-key.pem"), own.resolve("private/serverkey.pem"));
    }

    private void issue(String ca, String name, List<String> lines) throws Exception {
        Path key = key(name + "-key.pem");
        Path info = template(name + ".info", lines.toArray(String[]::new));
        certtool("--generate-certificate", "--load-privkey", key.toString(),
                "--load-ca-certificate", dir.resolve(ca + "-cacert.pem").toString(),
                "--load-ca-privkey", dir.resolve(ca + "-cakey.pem").toString(),
                "--template", info.toString(), "--outfile", dir.resolve(name + "-cert.pem").toString());
    }

    /** As libvirt's docs: the key on stdout, certtool's description of it included. */
    private Path key(String file) throws Exception {
        Path out = dir.resolve(file);
        run(List.of("--generate-privkey"), out);
        return out;
    }

    private Path template(String file, String... lines) throws IOException {
        return Files.write(dir.resolve(file), List.of(lines));
    }

    private void certtool(String... args) throws Exception {
        run(List.of(args), null);
    }

    private void run(List<String> args, Path stdout) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Cli.requireTool("certtool").toString());
        cmd.addAll(args);
        Path log = dir.resolve("certtool.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile())
                : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("certtool timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("certtool failed: " + cmd + "\n" + Files.readString(log));
        }
    }
}
