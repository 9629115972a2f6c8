package io.vpmon.cli;

import io.vpmon.drift.FeatureExtraction;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * A one-line progress bar on stderr while images are read: shown only when stderr is a
 * terminal (asked of jline), the batch is large (at least {@value #MIN_FILES} files, about a
 * second of work), no CI variable is set and TERM is not dumb; so logs and pipes stay clean.
 * Redrawn at most every {@value #REDRAW_MILLIS} ms, and erased when done.
 */
final class DriftProgressBar implements FeatureExtraction.Progress {
    static final int MIN_FILES = 1000;
    private static final long REDRAW_MILLIS = 200;
    private static final int TEXT_WIDTH = 48;

    private final PrintWriter err;
    private final Supplier<Integer> stderrWidth;
    private int columns;
    private Boolean shown;
    private long started;
    private long lastDraw;
    private boolean drawn;

    DriftProgressBar(PrintWriter err, Supplier<Integer> stderrWidth) {
        this.err = err;
        this.stderrWidth = stderrWidth;
    }

    /**
     * Progress that decides on its first update, when the number of files is known.
     *
     * @param env the environment (System::getenv); a parameter so tests can vary it
     */
    static FeatureExtraction.Progress create(PrintWriter err, boolean disabled, Function<String, String> env) {
        if (disabled || isSet(env.apply("CI")) || "dumb".equals(env.apply("TERM"))) {
            return FeatureExtraction.Progress.NONE;
        }
        return new DriftProgressBar(err, DriftProgressBar::stderrTerminalWidth);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty() && !"false".equalsIgnoreCase(value) && !"0".equals(value);
    }

    /** The width of the terminal stderr writes to (0 if unknown), or null when stderr is no terminal. */
    private static Integer stderrTerminalWidth() {
        for (String provider : new String[] {"jni", "exec"}) {
            try {
                TerminalProvider p = TerminalProvider.load(provider);
                return p.isSystemStream(SystemStream.Error) ? p.systemStreamWidth(SystemStream.Error) : null;
            } catch (Exception | LinkageError e) {
                // this provider does not work here: try the next
            }
        }
        return null;
    }

    @Override
    public synchronized void update(int done, int total) {
        if (shown == null) {
            Integer width = total >= MIN_FILES ? stderrWidth.get() : null;
            shown = width != null;
            columns = width != null && width > 20 ? width : 80;
            started = System.nanoTime();
        }
        if (!shown) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_MILLIS * 1_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        String text = String.format(Locale.ROOT, " %,d/%,d images", done, total);
        if (seconds >= 1) { // a rate over the first few files says nothing
            double rate = done / seconds;
            text += String.format(Locale.ROOT, "  %,.0f img/s", rate)
                    + (done < total ? String.format(Locale.ROOT, "  ETA %ds", Math.round((total - done) / rate)) : "");
        }
        // a fixed width for the text, so the bar does not jump as the numbers change
        int textWidth = Math.min(TEXT_WIDTH, columns / 2);
        text = text.length() < textWidth ? text + " ".repeat(textWidth - text.length()) : text;
        int barWidth = Math.max(10, columns - textWidth - 3);
        int filled = (int) ((long) barWidth * done / Math.max(total, 1));
        err.print("\r[" + "=".repeat(filled) + " ".repeat(barWidth - filled) + "]" + text);
        err.flush();
        drawn = true;
    }

    /** Erases the bar so the report starts on a clean line. */
    static void finish(FeatureExtraction.Progress progress) {
        if (progress instanceof DriftProgressBar bar) {
            synchronized (bar) {
                if (bar.drawn) {
                    bar.err.print("\r" + " ".repeat(bar.columns - 1) + "\r");
                    bar.err.flush();
                    bar.drawn = false;
                }
            }
        }
    }
}
