package org.diffuson.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.diffuson.kernel.channel.KernelConnection;
import org.diffuson.kernel.exec.ExitGuard;
import org.diffuson.kernel.history.CellHistory;
import org.diffuson.kernel.io.CellInput;
import org.diffuson.kernel.io.Outbox;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel entry point: {@code java -cp diffuson-kernel.jar org.diffuson.kernel.Main CONNECTION_FILE}.
 * Connects first and warms JShell up in parallel, so {@code kernel_info} is answered at once. Notebook code cannot
 * exit the JVM ({@link ExitGuard} rewrites its exit calls); only this method does, once the connection is closed.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp diffuson-kernel.jar org.diffuson.kernel.Main CONNECTION_FILE");
            System.exit(2);
        }
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            System.err.println("diffuson kernel: this Java runtime has no jdk.jshell module; use a full JDK 17+ ("
                    + System.getProperty("java.home") + ")");
            System.exit(3);
        }
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");

        PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Outbox outbox = new Outbox(log);
        System.setOut(outbox.printStream(PublishStream.StreamType.OUT));
        System.setErr(outbox.printStream(PublishStream.StreamType.ERR));
        CellInput input = new CellInput(outbox);
        System.setIn(input.stream());
        Notebook.install(outbox, input);

        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        DiffusonKernel kernel = new DiffusonKernel(KernelConfig.fromEnvironment(), outbox, input, log,
                new CellHistory());
        kernel.startWarmUp();
        KernelConnection connection = new KernelConnection(props, log);
        input.connect(connection.stdinSocket());
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        ExitGuard.permitExit();
        System.exit(0);
    }
}
