package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.diffuson.kernel.io.InputRequester;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * The stdin socket, sending through the kernel's {@link MessageCodec}. Unlike jjava's, it waits for an
 * {@code input_reply} in short polls, so a wait can be abandoned (the cell was interrupted, the kernel shuts down),
 * and it skips replies that belong to an earlier, abandoned request. Use it from one thread at a time.
 */
public final class StdinSocket extends StdinChannel implements InputRequester {

    private static final long POLL_MS = 50;

    private final MessageCodec codec;
    private final PrintStream log;
    private volatile boolean closing;

    StdinSocket(ZMQ.Context ctx, HMACGenerator hmac, MessageCodec codec, PrintStream log) {
        super(ctx, hmac);
        this.codec = codec;
        this.log = log;
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (!closed) codec.send(this, message, hmacGenerator);
    }

    /** jjava's contract: the line with a line separator; waits until the reply comes. */
    @Override
    public String getInput(MessageContext context, String prompt, boolean isPasswordRequest) {
        try {
            String line = request(context, prompt, isPasswordRequest, () -> false);
            return (line == null ? "" : line) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized String request(MessageContext parent, String prompt, boolean password,
                                       BooleanSupplier abandoned) throws IOException {
        if (abandoned.getAsBoolean()) return null;
        ZMQ.Poller poller = ctx.poller(1);
        try {
            poller.register(this, ZMQ.Poller.POLLIN);
            while (poller.poll(0) > 0 && poller.pollin(0)) read(); // input typed for an abandoned request
            Message<InputRequest> request = new Message<>(parent, InputRequest.MESSAGE_TYPE,
                    new InputRequest(prompt == null ? "" : prompt, password));
            sendMessage(request);
            String id = request.getHeader().getId();
            while (!abandoned.getAsBoolean()) {
                if (closing) throw new IOException("the kernel is shutting down");
                if (poller.poll(POLL_MS) <= 0 || !poller.pollin(0)) continue;
                Message<?> reply = read();
                if (reply == null || !(reply.getContent() instanceof InputReply input)) continue;
                // jupyter_client's KernelClient.input() sends no parent header; notebook frontends send the request's.
                if (reply.hasParentHeader() && !id.equals(reply.getParentHeader().getId())) continue;
                return input.getValue() == null ? "" : input.getValue();
            }
            return null;
        } catch (RuntimeException e) {
            if (closing) throw new IOException("the kernel is shutting down");
            throw new IOException("stdin channel failed: " + e, e);
        } finally {
            poller.close();
        }
    }

    /** The next message, or null (logged) if it is unsigned or unreadable. */
    private Message<?> read() {
        try {
            return readMessage();
        } catch (SecurityException e) {
            log.println("diffuson kernel: ignored a stdin message with an invalid signature");
        } catch (RuntimeException e) {
            log.println("diffuson kernel: ignored an unreadable stdin message: " + e);
        }
        return null;
    }

    @Override
    public void close() {
        closing = true;
        super.close();
    }
}
