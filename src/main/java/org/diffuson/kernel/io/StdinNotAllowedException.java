package org.diffuson.kernel.io;

import java.io.IOException;

/** Reading input in a cell whose frontend does not accept input requests ({@code allow_stdin} is false). */
public final class StdinNotAllowedException extends IOException {

    StdinNotAllowedException() {
        super("this frontend does not support input (the execute request has allow_stdin=false, as in headless runs"
                + " such as nbconvert); give the value in the notebook instead of reading System.in");
    }
}
