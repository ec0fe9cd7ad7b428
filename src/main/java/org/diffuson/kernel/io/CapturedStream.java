package org.diffuson.kernel.io;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.OutputStream;

/** Byte sink behind {@code System.out} and {@code System.err}: every write goes into the {@link Outbox}. */
final class CapturedStream extends OutputStream {
    private final Outbox outbox;
    private final PublishStream.StreamType type;

    CapturedStream(Outbox outbox, PublishStream.StreamType type) {
        this.outbox = outbox;
        this.type = type;
    }

    @Override
    public void write(int b) {
        outbox.write(type, new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > 0) outbox.write(type, b, off, len);
    }
}
