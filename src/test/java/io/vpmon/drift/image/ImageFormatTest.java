package io.vpmon.drift.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Formats are recognised by their first bytes, never by the file name. */
class ImageFormatTest {
    private static ImageFormat sniff(int... bytes) {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        return ImageFormat.sniff(head, head.length);
    }

    @Test
    void recognisesEachFormatBySignature() {
        assertThat(sniff(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).isEqualTo(ImageFormat.PNG);
        assertThat(sniff(0xFF, 0xD8, 0xFF, 0xE0)).isEqualTo(ImageFormat.JPEG);
        assertThat(sniff('G', 'I', 'F', '8', '9', 'a')).isEqualTo(ImageFormat.GIF);
        assertThat(sniff('G', 'I', 'F', '8', '7', 'a')).isEqualTo(ImageFormat.GIF);
        assertThat(sniff('B', 'M', 0, 0, 0, 0)).isEqualTo(ImageFormat.BMP);
        assertThat(sniff('I', 'I', 42, 0)).isEqualTo(ImageFormat.TIFF);
        assertThat(sniff('M', 'M', 0, 42)).isEqualTo(ImageFormat.TIFF);
    }

    @Test
    void textAndTruncatedSignaturesAreNotImages() {
        byte[] text = "hello, world".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageFormat.sniff(text, text.length)).isNull();
        assertThat(sniff(0x89, 'P', 'N', 'G')).isNull();
        assertThat(sniff()).isNull();
        assertThat(sniff('G', 'I', 'F', '8', '8', 'a')).isNull();
    }

    @Test
    void imageExtensionsAreOnlyUsedToDecideWhetherToReportANonImage() {
        assertThat(ImageFormat.hasImageExtension("photo.JPG")).isTrue();
        assertThat(ImageFormat.hasImageExtension("scan.tiff")).isTrue();
        assertThat(ImageFormat.hasImageExtension("notes.txt")).isFalse();
        assertThat(ImageFormat.hasImageExtension("README")).isFalse();
    }
}
