package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/** The iopub socket, sending through the kernel's {@link MessageCodec}. */
final class IOPubSocket extends IOPubChannel {

    private final MessageCodec codec;

    IOPubSocket(ZMQ.Context ctx, HMACGenerator hmac, MessageCodec codec) {
        super(ctx, hmac);
        this.codec = codec;
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (!closed) codec.send(this, message, hmacGenerator);
    }

    /** Closes between two messages, never in the middle of one (the output publisher sends from its own thread). */
    @Override
    public synchronized void close() {
        super.close();
    }
}
