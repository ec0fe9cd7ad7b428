package org.diffuson.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.diffuson.kernel.display.Renderers;
import org.diffuson.kernel.exec.CellStoppedException;
import org.diffuson.kernel.io.CellInput;
import org.diffuson.kernel.io.Outbox;

import java.io.Console;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.UUID;

/**
 * Notebook functions for cell code, imported statically in every notebook: {@code display(x)},
 * {@code updateDisplay(id, x)}, {@code clearOutput()}, {@code progress(label, total)}, {@code html(...)},
 * {@code markdown(...)}, {@code latex(...)}, {@code readLine(prompt)}, {@code readPassword(prompt)}. Outside a
 * running kernel they print plain text to stdout and read from the console.
 */
public final class Notebook {

    private static volatile Outbox outbox;
    private static volatile CellInput input;

    private Notebook() {
    }

    /** Connects these functions to the running kernel's output and input. */
    static void install(Outbox box, CellInput in) {
        outbox = box;
        input = in;
    }

    /** Shows {@code value} below the cell in its richest form; the handle can redraw it. */
    public static DisplayHandle display(Object value) {
        String id = UUID.randomUUID().toString();
        DisplayHandle handle = new DisplayHandle(id);
        DisplayData data = render(value);
        if (data == null) return handle;
        DisplayData copy = new DisplayData(data);
        copy.setDisplayId(id);
        Outbox box = outbox;
        if (box == null) System.out.println(value);
        else box.publish(new PublishDisplayData(copy));
        return handle;
    }

    /** Replaces the output of {@code handle} with {@code value}. */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        updateDisplay(handle.id(), value);
    }

    /** Replaces the output shown under {@code displayId} (by {@link #display}) with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        DisplayData data = render(value);
        if (data == null) data = new DisplayData("");
        DisplayData copy = new DisplayData(data);
        copy.setDisplayId(displayId);
        Outbox box = outbox;
        if (box == null) System.out.println(value);
        else box.publish(new PublishUpdateDisplayData(copy));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        Outbox box = outbox;
        if (box != null) box.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** The MIME bundle the kernel would show for {@code value}. */
    public static DisplayData render(Object value) {
        return Renderers.render(value);
    }

    /** HTML to show (return it from a cell or pass it to {@link #display}). */
    public static DisplayData html(String html) {
        DisplayData d = new DisplayData("[HTML]");
        d.putHTML(html);
        return d;
    }

    /** Markdown to show. */
    public static DisplayData markdown(String markdown) {
        DisplayData d = new DisplayData(markdown);
        d.putMarkdown(markdown);
        return d;
    }

    /** LaTeX math to show; {@code $$} is added when missing. */
    public static DisplayData latex(String latex) {
        DisplayData d = new DisplayData(latex);
        d.putLatex(latex.strip().startsWith("$") ? latex : "$$" + latex + "$$");
        return d;
    }

    /** A progress bar whose total is set by the first {@code update} (pass it to {@code Sweep.run} as Progress). */
    public static ProgressBar progress(String label) {
        return new ProgressBar(label, 0);
    }

    /** A progress bar with {@code total} steps, updated in place at most 10 times a second. */
    public static ProgressBar progress(String label, long total) {
        return new ProgressBar(label, total);
    }

    /**
     * Asks the user for a line of text: the notebook shows {@code prompt} with an input box and the cell waits for
     * the answer (an interrupt stops the wait).
     *
     * @return the line, without a newline; null if no cell is running any more
     * @throws IllegalStateException if the frontend does not support input (headless runs such as nbconvert)
     */
    public static String readLine(String prompt) {
        return ask(prompt, false);
    }

    /** Like {@link #readLine}, but the frontend hides what is typed. */
    public static String readPassword(String prompt) {
        return ask(prompt, true);
    }

    private static String ask(String prompt, boolean password) {
        CellInput in = input;
        try {
            if (in != null) return in.readLine(prompt, password);
            Console console = System.console();
            if (console == null) throw new IllegalStateException("no console to read from");
            return password ? new String(console.readPassword("%s", prompt)) : console.readLine("%s", prompt);
        } catch (InterruptedIOException e) {
            throw new CellStoppedException(CellStoppedException.Reason.INTERRUPTED, e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
