package io.gpconnect.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the JDK's keytool at test time: a CA, a server certificate for 127.0.0.1 and a client
 * certificate (the SSP's, in production) both signed by it, and a client certificate signed by nobody we trust.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit-test";

    final Path caStore;
    final Path truststore;
    final Path serverStore;
    final Path clientStore;
    final Path strangerStore;

    private TestCertificates(Path dir) {
        caStore = dir.resolve("ca.p12");
        truststore = dir.resolve("truststore.p12");
        serverStore = dir.resolve("server.p12");
        clientStore = dir.resolve("client.p12");
        strangerStore = dir.resolve("stranger.p12");
    }

    static TestCertificates create(Path dir) {
        TestCertificates c = new TestCertificates(dir);
        Path caPem = dir.resolve("ca.pem");
        c.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Test Spine CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", c.caStore.toString());
        c.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", c.caStore.toString(), "-file", caPem.toString());
        c.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", c.truststore.toString());
        c.signed(c.serverStore, "server", "CN=127.0.0.1", "serverAuth", "ip:127.0.0.1", caPem, dir);
        c.signed(c.clientStore, "client", "CN=ssp.test.nhs.uk", "clientAuth", "dns:ssp.test.nhs.uk", caPem, dir);
        c.keytool("-genkeypair", "-alias", "stranger", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=stranger",
                "-validity", "2", "-keystore", c.strangerStore.toString());
        return c;
    }

    /** Key pair in {@code store}, its certificate signed by the CA and stored with the CA's above it. */
    private void signed(Path store, String alias, String dname, String usage, String san, Path caPem, Path dir) {
        Path csr = dir.resolve(alias + ".csr");
        Path pem = dir.resolve(alias + ".pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-validity", "2",
                "-keystore", store.toString());
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", csr.toString(),
                "-outfile", pem.toString(), "-validity", "2", "-ext", "san=" + san, "-ext", "eku=" + usage,
                "-ext", "ku=digitalSignature,keyEncipherment");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", store.toString());
        keytool("-importcert", "-alias", alias, "-file", pem.toString(), "-keystore", store.toString());
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client trusting our CA, presenting the certificate in {@code keyStore} (none when null). */
    SSLContext client(Path keyStore) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore), PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore));
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return keyStore;
    }
}
