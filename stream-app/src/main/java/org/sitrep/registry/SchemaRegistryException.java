package org.sitrep.registry;

/** A registry call failed: {@code status} is the HTTP status (0 when no answer came), {@code errorCode} the registry's. */
public final class SchemaRegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** 404 with 40401 (subject), 40402 (version) or 40403 (schema). */
    public boolean isNotFound() {
        return status == 404;
    }

    /** 409: incompatible with the subject's compatibility level. */
    public boolean isIncompatible() {
        return status == 409;
    }
}
