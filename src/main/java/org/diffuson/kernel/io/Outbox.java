package org.diffuson.kernel.io;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Ordered queue of everything a cell publishes on iopub: stdout and stderr text and display messages.
 * Cell threads only enqueue; the messages are sent by the outbox's own publisher thread every {@link #TICK_MS} ms
 * and by the shell thread when the cell ends. So a cell thread that is stopped never holds the iopub socket, and a
 * {@code print} without a newline still reaches the cell it belongs to. Text written while no cell runs waits
 * for the next cell.
 */
public final class Outbox {

    /** Interval of the publisher thread; also bounds how often stream messages are sent. */
    public static final long TICK_MS = 40;
    /** Bytes of stream text one cell may send per stream; the rest is counted and dropped. */
    public static final int STREAM_CAP_BYTES = 4 << 20;

    private final Object lock = new Object();
    private final Object sendLock = new Object();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final long[] sentBytes = new long[2];
    private final long[] droppedBytes = new long[2];
    private final PrintStream log;
    private volatile ShellReplyEnvironment env;

    public Outbox(PrintStream log) {
        this.log = log;
        Thread publisher = new Thread(this::publishLoop, "diffuson-iopub-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    /** A {@link PrintStream} that writes into this outbox as the given stream. */
    public PrintStream printStream(PublishStream.StreamType type) {
        return new PrintStream(new CapturedStream(this, type), true, StandardCharsets.UTF_8);
    }

    /** Starts routing output to the reply environment of a new execute request. */
    public void attach(ShellReplyEnvironment env) {
        synchronized (lock) {
            sentBytes[0] = sentBytes[1] = 0;
            droppedBytes[0] = droppedBytes[1] = 0;
        }
        this.env = env;
    }

    /** Sends everything queued, reports dropped output, and detaches from the environment. */
    public void finish() {
        synchronized (sendLock) {
            drain();
            ShellReplyEnvironment e = env;
            if (e != null) {
                for (PublishStream.StreamType type : PublishStream.StreamType.values()) {
                    long dropped;
                    synchronized (lock) {
                        dropped = droppedBytes[type.ordinal()];
                    }
                    if (dropped > 0) {
                        e.publish(new PublishStream(type, "\n[" + dropped + " more bytes of "
                                + (type == PublishStream.StreamType.OUT ? "stdout" : "stderr") + " not shown]\n"));
                    }
                }
            }
            env = null;
        }
    }

    /** Forgets queued output (used after the kernel's own warm-up). */
    public void discard() {
        synchronized (lock) {
            queue.clear();
        }
    }

    public boolean isAttached() {
        return env != null;
    }

    void write(PublishStream.StreamType type, byte[] b, int off, int len) {
        synchronized (lock) {
            int i = type.ordinal();
            if (env != null) {
                long room = STREAM_CAP_BYTES - sentBytes[i];
                if (room <= 0) {
                    droppedBytes[i] += len;
                    return;
                }
                if (len > room) {
                    droppedBytes[i] += len - room;
                    len = (int) room;
                }
                sentBytes[i] += len;
            }
            Object last = queue.peekLast();
            if (last instanceof Chunk c && c.type == type) {
                c.bytes.write(b, off, len);
            } else {
                Chunk c = new Chunk(type);
                c.bytes.write(b, off, len);
                queue.addLast(c);
            }
        }
    }

    /** Queues a display, update-display or clear-output message. */
    public void publish(ContentType<?> content) {
        synchronized (lock) {
            queue.addLast(content);
        }
    }

    /** Sends all queued items to the attached environment, in order. */
    public void drain() {
        synchronized (sendLock) {
            ShellReplyEnvironment e = env;
            if (e == null) return;
            while (true) {
                Object item;
                synchronized (lock) {
                    item = queue.peekFirst();
                    if (item == null) return;
                    if (item instanceof Chunk c && queue.size() == 1) {
                        item = c.takeComplete();
                        if (c.bytes.size() == 0) queue.pollFirst();
                        if (item == null) return;
                    } else {
                        queue.pollFirst();
                        if (item instanceof Chunk c) item = c.takeAll();
                    }
                }
                try {
                    publish(e, (ContentType<?>) item);
                } catch (RuntimeException ex) {
                    log.println("diffuson kernel: could not publish output: " + ex);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(ShellReplyEnvironment env, ContentType content) {
        env.publish(content);
    }

    private void publishLoop() {
        while (true) {
            try {
                Thread.sleep(TICK_MS);
                if (env != null) drain();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log.println("diffuson kernel: publisher: " + t);
            }
        }
    }

    /** Text of one stream, accumulated until sent. */
    private static final class Chunk {
        final PublishStream.StreamType type;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(PublishStream.StreamType type) {
            this.type = type;
        }

        PublishStream takeAll() {
            byte[] all = bytes.toByteArray();
            bytes.reset();
            return all.length == 0 ? null : new PublishStream(type, new String(all, StandardCharsets.UTF_8));
        }

        /** Takes the bytes up to the last complete UTF-8 character; a split character waits for its rest. */
        PublishStream takeComplete() {
            byte[] all = bytes.toByteArray();
            int end = Utf8.completePrefix(all);
            bytes.reset();
            bytes.write(all, end, all.length - end);
            return end == 0 ? null : new PublishStream(type, new String(all, 0, end, StandardCharsets.UTF_8));
        }
    }
}
