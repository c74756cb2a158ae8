package io.gpconnect.fhir.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS on the facade's own port, for deployments where no SSP-facing proxy terminates it (spec §1: TLS 1.2 or later
 * with mutual authentication, only the SSP's client certificate accepted).
 *
 * @param keystore           this server's certificate and private key (PKCS12 or JKS, by the file's content)
 * @param keystorePassword   the keystore's (and key's) password
 * @param truststore         the CA certificates a client certificate must chain to; null means the JDK's default
 *                           trust, which is only sensible without client authentication
 * @param truststorePassword the truststore's password, null when it has none
 * @param clientAuth         whether a client certificate is required, or not asked for
 */
public record TlsSettings(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
        ClientAuth clientAuth) {

    /** What the server asks of the client during the handshake. */
    public enum ClientAuth {
        /** A trusted client certificate is required: a client without one is refused at the handshake. */
        NEED,
        /** No client certificate is asked for (server-authenticated TLS only). */
        NONE
    }

    public TlsSettings {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(clientAuth, "clientAuth");
        if (clientAuth == ClientAuth.NEED && truststore == null) {
            // The JDK's default trust is the public web CAs: any certificate bought from one would pass for the SSP's.
            throw new IllegalArgumentException("client certificate authentication needs a truststore of the CAs to accept");
        }
    }
}
