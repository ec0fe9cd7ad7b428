package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/** The stdin socket, sending through the kernel's {@link MessageCodec}. */
public final class StdinSocket extends StdinChannel {

    private final MessageCodec codec;

    StdinSocket(ZMQ.Context ctx, HMACGenerator hmac, MessageCodec codec) {
        super(ctx, hmac);
        this.codec = codec;
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (!closed) codec.send(this, message, hmacGenerator);
    }
}
