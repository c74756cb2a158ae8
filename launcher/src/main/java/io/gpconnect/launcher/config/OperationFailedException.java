package io.gpconnect.launcher.config;

/**
 * An operations command could not do its work for a reason outside it (Kafka or the registry out of reach): one
 * line for the operator and exit code 1, as {@link OneLineErrors} prints it, where a usage error is exit code 2.
 */
public final class OperationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
