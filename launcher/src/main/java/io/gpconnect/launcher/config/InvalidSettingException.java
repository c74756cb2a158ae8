package io.gpconnect.launcher.config;

/** A setting that would stop the engine from starting, or make it misbehave; the message is one line for the operator. */
public final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
