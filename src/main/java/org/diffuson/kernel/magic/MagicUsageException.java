package org.diffuson.kernel.magic;

/** Bad magic arguments: the kernel shows the message and the magic's usage on one line each, never a stack trace. */
public final class MagicUsageException extends RuntimeException {
    public MagicUsageException(String message) {
        super(message, null, false, false);
    }
}
