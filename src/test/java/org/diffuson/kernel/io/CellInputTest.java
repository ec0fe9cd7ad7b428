package org.diffuson.kernel.io;

import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CellInput}: lines from the frontend as System.in, end of stream, refused input and abandoned waits. */
class CellInputTest {

    private final CellInput input = new CellInput(new Outbox(new PrintStream(new ByteArrayOutputStream())));
    private final MessageContext request = new Message<>(List.of(), new Header<>(MessageType.UNKNOWN), null);

    /** A frontend that answers with queued lines and records the prompts it was shown. */
    private static final class Frontend implements InputRequester {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        volatile MessageContext parent;

        Frontend(String... lines) {
            answers.addAll(List.of(lines));
        }

        @Override
        public String request(MessageContext parent, String prompt, boolean password, BooleanSupplier abandoned) {
            this.parent = parent;
            prompts.add(prompt + (password ? " (password)" : ""));
            return answers.poll();
        }
    }

    @Test
    void systemInIsAtEndOfStreamWhileNoCellRuns() throws IOException {
        input.connect(new Frontend("never asked"));
        assertEquals(-1, input.stream().read());
        assertNull(input.readLine("?", false));
        input.attach(request, true);
        input.detach();
        assertEquals(-1, input.stream().read(new byte[8], 0, 8));
    }

    @Test
    void linesComeFromTheFrontendWithANewline() throws IOException {
        Frontend frontend = new Frontend("42", "héllo wörld", "secret");
        input.connect(frontend);
        input.attach(request, true);
        InputStream in = input.stream();
        assertEquals('4', in.read());
        assertEquals(2, in.available());
        byte[] buf = new byte[64];
        assertEquals(2, in.read(buf, 0, 64), "the rest of the line, no blocking for more");
        assertArrayEquals("2\n".getBytes(), java.util.Arrays.copyOf(buf, 2));
        assertEquals("héllo wörld", new Scanner(in, "UTF-8").nextLine());
        assertEquals("secret", input.readLine("Password:", true));
        assertEquals(List.of("", "", "Password: (password)"), frontend.prompts);
        assertEquals(request, frontend.parent);
    }

    @Test
    void leftoverInputDoesNotLeakIntoTheNextCell() throws IOException {
        input.connect(new Frontend("ab", "cd"));
        input.attach(request, true);
        assertEquals('a', input.stream().read());
        input.detach();
        input.attach(request, true);
        assertEquals('c', input.stream().read());
    }

    @Test
    void inputIsRefusedClearlyWithoutAllowStdin() {
        input.connect(new Frontend("unused"));
        input.attach(request, false);
        IOException e = assertThrows(IOException.class, () -> input.stream().read());
        assertInstanceOf(StdinNotAllowedException.class, e);
        assertTrue(e.getMessage().contains("this frontend does not support input"), e.getMessage());
    }

    @Test
    void interruptingTheReaderAbandonsTheRequest() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CompletableFuture<Boolean> sawAbandon = new CompletableFuture<>();
        input.connect((parent, prompt, password, abandoned) -> {
            asked.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (abandoned.getAsBoolean()) {
                    sawAbandon.complete(true);
                    return null;
                }
                Thread.onSpinWait();
            }
            sawAbandon.complete(false);
            return "too late";
        });
        input.attach(request, true);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                input.stream().read();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        reader.start();
        assertTrue(asked.await(5, TimeUnit.SECONDS));
        reader.interrupt();
        assertInstanceOf(InterruptedIOException.class, failure.get(5, TimeUnit.SECONDS));
        assertTrue(sawAbandon.get(5, TimeUnit.SECONDS), "the stdin thread stops waiting");
    }

    @Test
    void theEndOfTheCellEndsAWaitingRead() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        input.connect((parent, prompt, password, abandoned) -> {
            asked.countDown();
            while (!abandoned.getAsBoolean()) Thread.onSpinWait();
            return null;
        });
        input.attach(request, true);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return input.stream().read();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(asked.await(5, TimeUnit.SECONDS));
        input.detach();
        assertEquals(-1, read.get(5, TimeUnit.SECONDS));
    }

    /**
     * Stopping a cell interrupts its whole thread group. The stdin thread must not be in it: it was created lazily by
     * the first cell that read, so a stopped readLine interrupted it too, and the late answer to the abandoned
     * request was then taken for the next readLine (kernel/tests/test_stdin.py).
     */
    @Test
    void stoppingTheReadersThreadGroupDoesNotReachTheStdinThread() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CompletableFuture<ThreadGroup> stdinGroup = new CompletableFuture<>();
        CompletableFuture<Boolean> stdinInterrupted = new CompletableFuture<>();
        input.connect((parent, prompt, password, abandoned) -> {
            stdinGroup.complete(Thread.currentThread().getThreadGroup());
            asked.countDown();
            boolean interrupted = false;
            while (!abandoned.getAsBoolean()) {
                interrupted |= Thread.currentThread().isInterrupted();
                Thread.onSpinWait();
            }
            stdinInterrupted.complete(interrupted || Thread.currentThread().isInterrupted());
            return null;
        });
        input.attach(request, true);
        ThreadGroup cell = new ThreadGroup("a-cell");
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread reader = new Thread(cell, () -> {
            try {
                input.stream().read();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        }, "cell-reader");
        reader.start();
        assertTrue(asked.await(5, TimeUnit.SECONDS));
        cell.interrupt();
        assertInstanceOf(InterruptedIOException.class, failure.get(5, TimeUnit.SECONDS));
        reader.join(5000);
        assertNotSame(cell, stdinGroup.get(5, TimeUnit.SECONDS), "the stdin thread is not one of the cell's threads");
        assertFalse(stdinInterrupted.get(5, TimeUnit.SECONDS), "stopping the cell must not interrupt the stdin thread");
        assertEquals(0, cell.activeCount(), "nothing of the kernel stays in the stopped cell's group");
    }
}
