package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

import java.io.PrintStream;

/**
 * A shell or control channel whose loop survives bad messages: a wrong HMAC signature, malformed JSON or a
 * failing handler is logged and skipped instead of killing the loop thread (as in jjava's {@code ShellChannel}).
 * It blocks in {@code poll} rather than sleeping, so a request is picked up as soon as it arrives. Replies are
 * encoded by the kernel's {@link MessageCodec}.
 */
final class RobustShellChannel extends ShellChannel {

    private static final long POLL_MS = 100;

    private final boolean isControl;
    private final JupyterConnection connection;
    private final PrintStream log;
    private final MessageCodec codec;
    private volatile boolean running;
    private Thread loop;

    RobustShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean isControl, JupyterConnection connection,
                       PrintStream log, MessageCodec codec) {
        super(ctx, hmac, isControl, connection);
        this.isControl = isControl;
        this.connection = connection;
        this.log = log;
        this.codec = codec;
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (!closed) codec.send(this, message, hmacGenerator);
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = isControl ? props.getControlPort() : props.getShellPort();
        String address = props.getTransport() + "://" + props.getIp() + ":" + port;
        super.bind(address);
        running = true;
        loop = new Thread(this::run, isControl ? "diffuson-control" : "diffuson-shell");
        loop.setDaemon(false);
        loop.start();
    }

    private void run() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                int events;
                try {
                    events = poller.poll(POLL_MS);
                } catch (RuntimeException e) {
                    if (!running) break;
                    log.println("diffuson kernel: poll failed: " + e);
                    continue;
                }
                if (events > 0 && poller.pollin(0)) {
                    handleOne();
                }
            }
        } finally {
            poller.close();
            super.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleOne() {
        Message<?> message;
        try {
            message = readMessage();
        } catch (SecurityException e) {
            log.println("diffuson kernel: ignored a message with an invalid signature");
            return;
        } catch (RuntimeException e) {
            log.println("diffuson kernel: ignored an unreadable message: " + e);
            return;
        }
        if (message == null) return;
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            log.println("diffuson kernel: no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Throwable t) {
            log.println("diffuson kernel: handler for " + message.getHeader().getType().getName() + " failed: " + t);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (Throwable t) {
                log.println("diffuson kernel: could not send deferred replies: " + t);
            }
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** Asks the loop to stop; the loop closes the socket itself, on its own thread. */
    @Override
    public void close() {
        running = false;
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
