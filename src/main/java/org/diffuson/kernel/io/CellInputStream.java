package org.diffuson.kernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code System.in} of the kernel: bytes of the lines {@link CellInput} gets from the frontend, each followed by
 * {@code \n}. A read blocks only while no byte of the current line is left, and never asks for more than one line.
 */
final class CellInputStream extends InputStream {

    private static final byte[] NONE = new byte[0];

    private final CellInput input;
    private byte[] line = NONE;
    private int pos;

    CellInputStream(CellInput input) {
        this.input = input;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? line[pos++] & 0xff : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - pos;
    }

    /** Drops what is left of the current line. */
    synchronized void clear() {
        line = NONE;
        pos = 0;
    }

    /** Makes sure a byte is buffered, asking for a new line if needed; false at end of input. */
    private boolean fill() throws IOException {
        if (pos < line.length) return true;
        String s = input.readLine("", false);
        if (s == null) return false;
        line = (s + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
