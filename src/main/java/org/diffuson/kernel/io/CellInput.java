package org.diffuson.kernel.io;

import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Input for notebook code: the kernel's {@code System.in} ({@link #stream()}) and {@code Notebook.readLine}. While a
 * cell of an execute request with {@code allow_stdin} runs, each line is asked from the frontend: the kernel's stdin
 * thread first sends the output printed so far (the prompt), then an {@code input_request}, and waits for the
 * reply. The cell thread only waits for that thread, so interrupting the cell ends the wait at once and never
 * leaves the socket in the middle of a message. Without {@code allow_stdin} (headless runs such as nbconvert),
 * reading fails with a {@link StdinNotAllowedException} (and a note on the cell's stderr); while no cell runs,
 * {@code System.in} is at end of stream.
 */
public final class CellInput {

    private final Outbox outbox;
    private final PrintStream notes;
    private final CellInputStream stream = new CellInputStream(this);
    /**
     * The thread that talks to the stdin socket. It is made in the thread group of the thread that built this
     * object (the kernel's), never lazily by the first cell that reads: a cell's threads share its thread group, and
     * stopping a cell interrupts that whole group, so a stdin thread born there would be interrupted with every
     * stopped cell (leaving the late answer to the abandoned request in the socket, to be taken for the next one)
     * and would keep the stopped cell's group alive, and its stop checks on their slow path, for the whole session.
     */
    private final ExecutorService stdinThread;
    private volatile InputRequester requester;
    private volatile Session session;

    /** The execute request being run and whether its frontend accepts input requests. */
    private record Session(MessageContext request, boolean allowed, AtomicBoolean over, AtomicBoolean noted) {
    }

    public CellInput(Outbox outbox) {
        this.outbox = outbox;
        this.notes = outbox.printStream(PublishStream.StreamType.ERR);
        ThreadGroup home = Thread.currentThread().getThreadGroup();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(home, r, "diffuson-stdin");
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartCoreThread();
        this.stdinThread = pool;
    }

    /** Sets where input requests go (the stdin socket). */
    public void connect(InputRequester requester) {
        this.requester = requester;
    }

    /** Starts serving reads for {@code request}; input left over from an earlier cell is dropped. */
    public void attach(MessageContext request, boolean allowStdin) {
        stream.clear();
        session = new Session(request, allowStdin, new AtomicBoolean(), new AtomicBoolean());
    }

    /** Ends the current request: reads still waiting for the user end, later reads see end of stream. */
    public void detach() {
        Session s = session;
        session = null;
        if (s != null) s.over().set(true);
    }

    /** The stream to install as {@code System.in}. */
    public InputStream stream() {
        return stream;
    }

    /**
     * Asks the frontend for a line.
     *
     * @return the line without its newline, or null at end of input (no cell is running, or it ended meanwhile)
     * @throws StdinNotAllowedException if the frontend does not accept input requests
     * @throws InterruptedIOException   if the waiting thread was interrupted (the cell was stopped)
     */
    public String readLine(String prompt, boolean password) throws IOException {
        Session s = session;
        InputRequester r = requester;
        if (s == null || r == null) return null;
        if (!s.allowed()) {
            StdinNotAllowedException e = new StdinNotAllowedException();
            // Readers such as Scanner swallow the exception and report "No line found"; say why once per cell.
            if (s.noted().compareAndSet(false, true)) notes.println("note: System.in was read, but " + e.getMessage());
            throw e;
        }
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<String> reply = stdinThread.submit(() -> {
            outbox.drain();
            return r.request(s.request(), prompt, password, () -> abandoned.get() || s.over().get());
        });
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for input");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("could not read input: " + cause, cause);
        } finally {
            abandoned.set(true);
        }
    }
}
