package org.diffuson.kernel.exec;

/** A snippet used a method or class declared in the notebook whose own dependencies are still missing. */
public final class UnresolvedException extends RuntimeException {
    public UnresolvedException(String message) {
        super(message, null, false, false);
    }
}
