package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * The kernel's five sockets. Heartbeat comes from jjava; shell and control are {@link RobustShellChannel}s, so a
 * forged or malformed request cannot stop the kernel from answering; iopub and stdin are this package's subclasses
 * of jjava's. Every message the kernel sends goes through one {@link MessageCodec}; the iopub and stdin sockets
 * jjava's constructor creates are never bound.
 */
public final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    private final ZMQ.Context requestContext = ZMQ.context(1);
    /** iopub and stdin get their own I/O thread, as in jjava, so large outputs do not delay shell replies. */
    private final ZMQ.Context outputContext = ZMQ.context(1);
    private final RobustShellChannel shellChannel;
    private final RobustShellChannel controlChannel;
    private final IOPubSocket iopubSocket;
    private final StdinSocket stdinSocket;
    private volatile boolean connected;
    private volatile boolean closed;

    public KernelConnection(KernelConnectionProperties props, PrintStream log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        MessageCodec codec = new MessageCodec();
        this.shellChannel = new RobustShellChannel(requestContext, hmac, false, this, log, codec);
        this.controlChannel = new RobustShellChannel(requestContext, hmac, true, this, log, codec);
        this.iopubSocket = new IOPubSocket(outputContext, hmac, codec);
        this.stdinSocket = new StdinSocket(outputContext, hmac, codec, log);
    }

    @Override
    public synchronized void connect() {
        if (connected) return;
        heartbeat.bind(props);
        iopubSocket.bind(props);
        stdinSocket.bind(props);
        controlChannel.bind(props);
        shellChannel.bind(props);
        connected = true;
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopubSocket;
    }

    /** The stdin socket, for input requests. */
    public StdinSocket stdinSocket() {
        return stdinSocket;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new ShellReplyEnvironment(shell, stdinSocket, iopubSocket, context) {
        };
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        shellChannel.close();
        controlChannel.close();
        heartbeat.close();
        stdinSocket.close();
        iopubSocket.close();
        stdin.close();
        iopub.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
    }
}
