package org.diffuson.kernel.io;

import org.dflib.jjava.jupyter.messages.MessageContext;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/** Asks the frontend for one line of input (an {@code input_request} on the stdin channel). */
@FunctionalInterface
public interface InputRequester {

    /**
     * Sends an input request on behalf of {@code parent} (the execute request) and waits for the user's reply.
     *
     * @param abandoned polled while waiting; once true, the wait ends
     * @return the line the user entered, without a newline; null if the wait was abandoned
     */
    String request(MessageContext parent, String prompt, boolean password, BooleanSupplier abandoned)
            throws IOException;
}
