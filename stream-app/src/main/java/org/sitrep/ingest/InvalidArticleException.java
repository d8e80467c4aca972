package org.sitrep.ingest;

/** An article that cannot enter the pipeline; the message says which field and why. */
public final class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String message) {
        super(message);
    }
}
