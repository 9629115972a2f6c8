package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.VpmonException;
import io.vpmon.drift.image.ImageFeatures;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature CSVs round-trip exactly and bad ones fail with file:line. */
class FeatureCsvTest {
    @TempDir
    Path dir;

    private static FeatureTable read(String csv) throws IOException {
        FeatureTable table = new FeatureTable();
        FeatureCsv.read(new StringReader(csv), "f.csv", table);
        return table;
    }

    @Test
    void valuesReadBackAreTheSameDoublesThatWereWritten() throws IOException {
        ImageFeatures a = new ImageFeatures(0.1 + 0.2, Math.PI, 1e-300, 255.0, 4.9e-324);
        ImageFeatures b = new ImageFeatures(128.00000000000003, 0.0, 17.0 / 3, 99.99999999999999, 1.0 / 7);
        StringWriter out = new StringWriter();
        FeatureCsv.writeHeader(out);
        FeatureCsv.writeRow(out, "a.png", a);
        FeatureCsv.writeRow(out, "b.png", b);
        FeatureTable table = read(out.toString());
        assertThat(table.size()).isEqualTo(2);
        for (Feature f : Feature.values()) {
            assertThat(table.column(f)).containsExactly(f.of(a), f.of(b));
        }
    }

    @Test
    void pathsWithCommasQuotesAndLineBreaksAreQuoted() throws IOException {
        StringWriter out = new StringWriter();
        FeatureCsv.writeHeader(out);
        FeatureCsv.writeRow(out, "dir,with \"quotes\"\nand a break/x.png", new ImageFeatures(1, 2, 3, 4, 5));
        FeatureCsv.writeRow(out, "plain.png", new ImageFeatures(6, 7, 8, 9, 10));
        assertThat(out.toString()).contains("\"dir,with \"\"quotes\"\"\nand a break/x.png\",1.0,");
        FeatureTable table = read(out.toString());
        assertThat(table.column(Feature.MEAN_B)).containsExactly(5, 10);
    }

    @Test
    void columnsAreFoundByNameAndOthersIgnored() throws IOException {
        FeatureTable table = read("batch,mean_b,mean_g,mean_r,std_brightness,mean_brightness,path\r\n"
                + "x,5,4,3,2,1,p.png\r\n\n");
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.column(Feature.MEAN_BRIGHTNESS)).containsExactly(1);
        assertThat(table.column(Feature.MEAN_B)).containsExactly(5);
    }

    @Test
    void badFilesFailWithFileLineAndWhatIsWrong() {
        assertThatThrownBy(() -> read("")).isInstanceOf(VpmonException.class)
                .hasMessageStartingWith("f.csv: empty; expected a header line like 'path,mean_brightness,");
        assertThatThrownBy(() -> read("path,mean_brightness\n")).hasMessageStartingWith("f.csv:1: no 'std_brightness' column");
        String header = "path,mean_brightness,std_brightness,mean_r,mean_g,mean_b\n";
        assertThatThrownBy(() -> read(header + "a,1,2,3,4,5\nb,1,2,x3,4,5\n"))
                .hasMessage("f.csv:3: mean_r is 'x3', not a number");
        assertThatThrownBy(() -> read(header + "a,1,NaN,3,4,5\n"))
                .hasMessage("f.csv:2: std_brightness is NaN; features must be finite numbers");
        assertThatThrownBy(() -> read(header + "a,1,2,3,4,Infinity\n")).hasMessageContaining("mean_b is Infinity");
        assertThatThrownBy(() -> read(header + "a,1,2,3,4\n")).hasMessage("f.csv:2: 5 fields, the header has 6");
        assertThatThrownBy(() -> read(header + "\"a,1,2,3,4,5\n")).hasMessage("f.csv:2: a quoted field is not closed");
    }

    @Test
    void missingAndBinaryFilesAreUsageErrors() throws IOException {
        FeatureTable table = new FeatureTable();
        assertThatThrownBy(() -> FeatureCsv.read(dir.resolve("nope.csv"), "--reference-features", table))
                .hasMessage("--reference-features " + dir.resolve("nope.csv") + ": no such file");
        Path binary = Files.write(dir.resolve("x.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE});
        assertThatThrownBy(() -> FeatureCsv.read(binary, "--reference-features", table))
                .hasMessageContaining("not a UTF-8 text file");
    }
}
