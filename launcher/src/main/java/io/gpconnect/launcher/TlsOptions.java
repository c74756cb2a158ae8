package io.gpconnect.launcher;

import io.gpconnect.fhir.tls.TlsSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The serve flags that switch the facade to HTTPS, optionally requiring client certificates (spec §1). */
final class TlsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--tls-keystore", description = "Serve HTTPS with this keystore (PKCS12 or JKS) holding the server's key and certificate")
    Path keystore;

    @Option(names = "--tls-keystore-password", defaultValue = "${env:GPCONNECT_TLS_KEYSTORE_PASSWORD}",
            description = "Password of the keystore (env GPCONNECT_TLS_KEYSTORE_PASSWORD)")
    String keystorePassword;

    @Option(names = "--tls-truststore", description = "CA certificates a client certificate must chain to")
    Path truststore;

    @Option(names = "--tls-truststore-password", defaultValue = "${env:GPCONNECT_TLS_TRUSTSTORE_PASSWORD}",
            description = "Password of the truststore (env GPCONNECT_TLS_TRUSTSTORE_PASSWORD)")
    String truststorePassword;

    @Option(names = "--tls-client-auth", defaultValue = "need",
            description = "need: refuse clients without a trusted certificate; none: do not ask for one (default ${DEFAULT-VALUE})")
    String clientAuth;

    /** Null when no keystore is given: plain HTTP. */
    TlsSettings settings() {
        if (keystore == null) {
            return null;
        }
        TlsSettings.ClientAuth auth = switch (clientAuth.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "need" -> TlsSettings.ClientAuth.NEED;
            case "none" -> TlsSettings.ClientAuth.NONE;
            default -> throw new ParameterException(spec.commandLine(), "--tls-client-auth must be need or none: " + clientAuth);
        };
        try {
            return new TlsSettings(keystore, keystorePassword, truststore, truststorePassword, auth);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
