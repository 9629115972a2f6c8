package io.vpmon.drift.image;

import java.util.Locale;
import java.util.Set;

/**
 * The image formats vpmon reads, recognised by their leading bytes (never by file name): PNG,
 * JPEG, and what else the JDK's ImageIO decodes (GIF, BMP, TIFF).
 */
public enum ImageFormat {
    PNG("png"), JPEG("jpeg"), GIF("gif"), BMP("bmp"), TIFF("tiff");

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int SIGNATURE_BYTES = 8;

    /** Extensions that make a file that is not an image worth reporting instead of ignoring. */
    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "jpe", "jfif", "gif", "bmp", "tif", "tiff");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO knows this format by. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature starts {@code head}, or null when it is not an image vpmon reads. */
    public static ImageFormat sniff(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8') && length >= 6
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return GIF;
        }
        if (startsWith(head, length, 'B', 'M') && length >= 6) {
            return BMP;
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        return null;
    }

    /** True when the file name says image although the content may not: such files are reported, not ignored. */
    public static boolean hasImageExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
