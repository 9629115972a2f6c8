package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.drift.FeatureExtraction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bar stays out of CI logs, pipes and small batches. */
class DriftProgressBarTest {
    @Test
    void noBarWhenCiIsSetOrTermIsDumbOrItIsSwitchedOff() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(DriftProgressBar.create(err, false, Map.of("CI", "true")::get)).isSameAs(FeatureExtraction.Progress.NONE);
        assertThat(DriftProgressBar.create(err, false, Map.of("TERM", "dumb")::get)).isSameAs(FeatureExtraction.Progress.NONE);
        assertThat(DriftProgressBar.create(err, true, Map.<String, String>of()::get)).isSameAs(FeatureExtraction.Progress.NONE);
        assertThat(DriftProgressBar.create(err, false, Map.of("CI", "false")::get)).isNotSameAs(FeatureExtraction.Progress.NONE);
    }

    @Test
    void nothingIsDrawnWhenStderrIsNotATerminalEvenForALargeBatch() {
        StringWriter text = new StringWriter();
        FeatureExtraction.Progress progress = DriftProgressBar.create(new PrintWriter(text), false, Map.<String, String>of()::get);
        for (int i = 1; i <= 5000; i += 100) {
            progress.update(i, 5000);
        }
        progress.update(5000, 5000);
        DriftProgressBar.finish(progress);
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void onATerminalALargeBatchGetsABarThatIsErasedAtTheEnd() {
        StringWriter text = new StringWriter();
        DriftProgressBar bar = new DriftProgressBar(new PrintWriter(text), () -> 60);
        bar.update(1, 2000);
        bar.update(2000, 2000);
        String drawn = text.toString();
        assertThat(drawn).startsWith("\r[").contains("] 1/2,000 images").contains("] 2,000/2,000 images");
        assertThat(drawn).doesNotContain("\n");
        assertThat(drawn.substring(drawn.lastIndexOf('\r'))).contains("[" + "=".repeat(10));
        DriftProgressBar.finish(bar);
        assertThat(text.toString()).endsWith("\r" + " ".repeat(59) + "\r");
    }

    @Test
    void aSmallBatchGetsNoBarEvenOnATerminal() {
        StringWriter text = new StringWriter();
        DriftProgressBar bar = new DriftProgressBar(new PrintWriter(text), () -> 60);
        for (int i = 1; i <= 999; i++) {
            bar.update(i, 999);
        }
        DriftProgressBar.finish(bar);
        assertThat(text.toString()).isEmpty();
    }
}
