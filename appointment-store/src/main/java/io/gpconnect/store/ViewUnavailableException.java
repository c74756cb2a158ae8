package io.gpconnect.store;

/** A view cannot be read right now (starting, restoring or rebalancing); the caller may retry. */
public final class ViewUnavailableException extends RuntimeException {
    public ViewUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
