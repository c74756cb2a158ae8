package io.gpconnect.fhir.tls;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the facade's HTTPS connector from {@link TlsSettings}. */
public final class TlsConnectors {
    /** Spec §1: TLS 1.0, 1.1 and every SSL version are forbidden. */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final long HSTS_MAX_AGE_SECONDS = TimeUnit.DAYS.toSeconds(365);

    private TlsConnectors() {
    }

    public static ServerConnector https(Server server, TlsSettings tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.keystorePassword());
        if (tls.truststore() != null) {
            ssl.setTrustStorePath(tls.truststore().toAbsolutePath().toString());
            if (tls.truststorePassword() != null) {
                ssl.setTrustStorePassword(tls.truststorePassword());
            }
        }
        ssl.setNeedClientAuth(tls.clientAuth() == TlsSettings.ClientAuth.NEED);
        ssl.setIncludeProtocols(PROTOCOLS);

        HttpConfiguration https = new HttpConfiguration();
        https.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Spec §1 requires HSTS. The consumer reaches us through the SSP by FQDN, which need not be the name
        // in our certificate as the Host header shows it, so the SNI/Host match is left to the TLS layer.
        secure.setStsMaxAge(HSTS_MAX_AGE_SECONDS);
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }
}
