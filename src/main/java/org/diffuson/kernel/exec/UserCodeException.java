package org.diffuson.kernel.exec;

import jdk.jshell.EvalException;

/** An exception thrown by notebook code whose live object was not available; carries JShell's copy of it. */
public final class UserCodeException extends RuntimeException {
    private final String className;

    public UserCodeException(EvalException e) {
        super(e.getMessage(), null, false, true);
        this.className = e.getExceptionClassName();
        setStackTrace(e.getStackTrace());
    }

    public String className() {
        return className;
    }
}
