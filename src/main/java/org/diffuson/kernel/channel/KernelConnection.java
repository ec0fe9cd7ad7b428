package org.diffuson.kernel.channel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * The kernel's five sockets. Heartbeat, stdin and iopub come from jjava; shell and control are
 * {@link RobustShellChannel}s, so a forged or malformed request cannot stop the kernel from answering.
 */
public final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    private final ZMQ.Context requestContext = ZMQ.context(1);
    private final RobustShellChannel shellChannel;
    private final RobustShellChannel controlChannel;
    private volatile boolean connected;
    private volatile boolean closed;

    public KernelConnection(KernelConnectionProperties props, PrintStream log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.shellChannel = new RobustShellChannel(requestContext, hmac, false, this, log);
        this.controlChannel = new RobustShellChannel(requestContext, hmac, true, this, log);
    }

    @Override
    public synchronized void connect() {
        if (connected) return;
        heartbeat.bind(props);
        iopub.bind(props);
        stdin.bind(props);
        controlChannel.bind(props);
        shellChannel.bind(props);
        connected = true;
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        shellChannel.close();
        controlChannel.close();
        heartbeat.close();
        stdin.close();
        iopub.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
    }
}
