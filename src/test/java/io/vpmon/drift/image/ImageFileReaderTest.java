package io.vpmon.drift.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.drift.image.ImageFileReader.Decoded;
import io.vpmon.drift.image.ImageFileReader.NotAnImage;
import io.vpmon.drift.image.ImageFileReader.Outcome;
import io.vpmon.drift.image.ImageFileReader.PngDecoder;
import io.vpmon.drift.image.ImageFileReader.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Features of the committed fixtures (every PNG colour type and depth, interlaced, JPEG, GIF,
 * BMP, TIFF) against values computed independently by make_fixtures.py: exact for lossless files,
 * within decoder rounding for JPEG.
 */
class ImageFileReaderTest {
    static final Path FIXTURES = fixtures();

    static Path fixtures() {
        try {
            return Path.of(ImageFileReaderTest.class.getResource("/drift/images/expected_features.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected() {
        try (InputStream in = ImageFileReaderTest.class.getResourceAsStream("/drift/images/expected_features.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> fixturesWithFeatures() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected().properties()) {
            if (e.getValue().has("features")) {
                for (PngDecoder decoder : PngDecoder.values()) {
                    cases.add(Arguments.of(e.getKey(), decoder, e.getValue()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fixturesWithFeatures")
    void featuresMatchIndependentlyComputedValues(String file, PngDecoder decoder, JsonNode expected) {
        ImageFeatures actual = decoded(file, decoder);
        JsonNode f = expected.get("features");
        double[] want = {f.get("mean_brightness").asDouble(), f.get("std_brightness").asDouble(),
            f.get("mean_r").asDouble(), f.get("mean_g").asDouble(), f.get("mean_b").asDouble()};
        double[] got = {actual.meanBrightness(), actual.stdBrightness(), actual.meanR(), actual.meanG(), actual.meanB()};
        if (expected.get("exact").asBoolean()) {
            assertThat(got).as(file).containsExactly(want);
        } else {
            // JPEG: the JDK's libjpeg and Pillow's libjpeg-turbo round IDCT and upsampling differently
            assertThat(got).as(file).containsExactly(want, within(1.0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg_cmyk_white.jpg", "jpeg_cmyk_cyan.jpg", "jpeg_cmyk_yellow.jpg"})
    void cmykJpegsDecodeToTheirColours(String file) {
        JsonNode cmyk = expected().get(file).get("cmyk");
        ImageFeatures f = decoded(file, PngDecoder.STREAM);
        // no ink is white; full cyan removes red; full yellow removes blue (naive CMYK -> RGB)
        assertThat(f.meanR()).isCloseTo(255 - cmyk.get(0).asInt(), within(12.0));
        assertThat(f.meanG()).isCloseTo(255 - cmyk.get(1).asInt(), within(12.0));
        assertThat(f.meanB()).isCloseTo(255 - cmyk.get(2).asInt(), within(12.0));
    }

    @Test
    void streamingAndImageIoPathsAgreeOnEveryPng() {
        for (Map.Entry<String, JsonNode> e : expected().properties()) {
            String file = e.getKey();
            if (file.endsWith(".png")) {
                assertThat(decoded(file, PngDecoder.STREAM)).as(file).isEqualTo(decoded(file, PngDecoder.IMAGEIO));
            }
        }
    }

    @Test
    void filesThatAreNotImagesAreIgnoredByContent() {
        try (ImageFileReader reader = new ImageFileReader(PngDecoder.STREAM)) {
            assertThat(reader.read(FIXTURES.resolve("notes.txt"))).isInstanceOf(NotAnImage.class);
            assertThat(reader.read(FIXTURES.resolve("make_fixtures.py"))).isInstanceOf(NotAnImage.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"broken_truncated.png", "broken_zlib.png", "broken_truncated.jpg", "broken_garbage.png"})
    void brokenFilesAreReportedWithAReason(String file) {
        for (PngDecoder decoder : PngDecoder.values()) {
            try (ImageFileReader reader = new ImageFileReader(decoder)) {
                Outcome outcome = reader.read(FIXTURES.resolve(file));
                assertThat(outcome).as(file + " " + decoder).isInstanceOf(Unreadable.class);
                assertThat(((Unreadable) outcome).reason()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    static ImageFeatures decoded(String file, PngDecoder decoder) {
        try (ImageFileReader reader = new ImageFileReader(decoder)) {
            Outcome outcome = reader.read(FIXTURES.resolve(file));
            assertThat(outcome).as(file + ": " + outcome).isInstanceOf(Decoded.class);
            return ((Decoded) outcome).features();
        }
    }

    @Test
    void mangledFilesAreReportedOrReadButNeverThrowOrHang(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // bytes flipped, runs zeroed, files cut short: every outcome is fine except an exception
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<String> sources = List.of("rgb8.png", "palette4_interlaced.png", "rgba16.png", "gray2.png",
                "jpeg_rgb420.jpg", "jpeg_rgb444_progressive.jpg", "jpeg_cmyk_cyan.jpg", "palette.gif", "rgb24.bmp", "rgb.tif");
        int unreadable = 0;
        try (ImageFileReader stream = new ImageFileReader(PngDecoder.STREAM);
                ImageFileReader imageio = new ImageFileReader(PngDecoder.IMAGEIO)) {
            for (int i = 0; i < 400; i++) {
                String source = sources.get(i % sources.size());
                byte[] bytes = java.nio.file.Files.readAllBytes(FIXTURES.resolve(source));
                switch (i % 3) {
                    case 0 -> {
                        for (int k = 0; k < 1 + random.nextInt(4); k++) {
                            bytes[8 + random.nextInt(bytes.length - 8)] ^= (byte) (1 + random.nextInt(255));
                        }
                    }
                    case 1 -> {
                        int from = 8 + random.nextInt(bytes.length - 8);
                        java.util.Arrays.fill(bytes, from, Math.max(from, bytes.length - random.nextInt(4)), (byte) 0);
                    }
                    default -> bytes = java.util.Arrays.copyOf(bytes, 8 + random.nextInt(bytes.length - 8));
                }
                Path mangled = java.nio.file.Files.write(dir.resolve(i + "_" + source), bytes);
                for (ImageFileReader reader : List.of(stream, imageio)) {
                    Outcome outcome = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(10), () -> reader.read(mangled), mangled.toString());
                    if (outcome instanceof Unreadable u) {
                        unreadable++;
                        assertThat(u.reason()).as(mangled.toString()).isNotBlank().doesNotContain("\n");
                    } else {
                        assertThat(outcome).as(mangled.toString()).isInstanceOf(Decoded.class);
                    }
                }
            }
        }
        assertThat(unreadable).isGreaterThan(200);
    }
}
