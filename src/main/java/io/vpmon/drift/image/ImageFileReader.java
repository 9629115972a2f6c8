package io.vpmon.drift.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one image file's features: recognises the format by content, then decodes PNGs with
 * {@link PngStreamReader} (or ImageIO, if asked) and everything else with ImageIO's readers for
 * the format (for JPEG the JDK's, then TwelveMonkeys' for the CMYK and YCCK files the JDK's
 * cannot read). Keeps its ImageIO readers and the PNG buffers between files, so it is not
 * thread-safe: use one per thread.
 */
public final class ImageFileReader implements AutoCloseable {
    /** Which decoder reads PNG files. */
    public enum PngDecoder {
        /** Row-by-row sums while inflating: no image is built (the default, and the fastest). */
        STREAM,
        /** ImageIO's PNG reader and the raster path, as for the other formats. */
        IMAGEIO
    }

    /** What reading a file gave: features, a reason it could not be decoded, or nothing (not an image). */
    public sealed interface Outcome {
    }

    public record Decoded(ImageFormat format, ImageFeatures features) implements Outcome {
    }

    public record Unreadable(String reason) implements Outcome {
    }

    public record NotAnImage() implements Outcome {
    }

    private final PngDecoder pngDecoder;
    private final PngStreamReader png = new PngStreamReader();
    private final Map<ImageFormat, List<ImageReader>> readers = new EnumMap<>(ImageFormat.class);
    private final List<String> warnings = new ArrayList<>();

    public ImageFileReader(PngDecoder pngDecoder) {
        this.pngDecoder = pngDecoder;
    }

    /** The features of the image at {@code path}; never throws for a bad file, only reports it. */
    public Outcome read(Path path) {
        return read(path, false);
    }

    /** Decodes without computing features (the benchmark's decode-only floor); same outcomes. */
    public Outcome decodeOnly(Path path) {
        return read(path, true);
    }

    private Outcome read(Path path, boolean decodeOnly) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(ImageFormat.SIGNATURE_BYTES);
            ImageFormat format = ImageFormat.sniff(head, head.length);
            if (format == null) {
                if (!ImageFormat.hasImageExtension(path.getFileName().toString())) {
                    return new NotAnImage();
                }
                return new Unreadable(head.length == 0 ? "empty file"
                        : "content is not PNG, JPEG, GIF, BMP or TIFF despite the file name");
            }
            PixelSums sums = decodeOnly ? null : new PixelSums();
            if (format == ImageFormat.PNG && pngDecoder == PngDecoder.STREAM) {
                png.read(in, sums);
            } else {
                in.close();
                BufferedImage image = decodeWithImageIo(path, format);
                if (sums != null) {
                    RasterPixels.add(image, sums);
                }
            }
            return new Decoded(format, sums == null ? null : sums.features());
        } catch (ImageDecodeException e) {
            return new Unreadable(e.getMessage());
        } catch (NoSuchFileException e) {
            return new Unreadable("file disappeared while reading");
        } catch (AccessDeniedException e) {
            return new Unreadable("permission denied");
        } catch (java.io.EOFException e) {
            return new Unreadable("file is truncated (it ends before the image data does)");
        } catch (IOException e) {
            return new Unreadable(describe(e));
        } catch (RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on some malformed files
            return new Unreadable("decoder failed: " + describe(e));
        } catch (OutOfMemoryError e) {
            return new Unreadable("too large to decode in the available memory (raise -Xmx with VPMON_JAVA_OPTS)");
        }
    }

    /**
     * Decodes with the format's readers in turn until one succeeds. For JPEG the JDK's reader
     * comes first (it is the faster, and reads the raw samples of 1- and 3-component files);
     * TwelveMonkeys' reader takes the files the JDK's cannot decode, CMYK and YCCK above all.
     */
    private BufferedImage decodeWithImageIo(Path path, ImageFormat format) throws IOException, ImageDecodeException {
        List<ImageReader> candidates = readers(format);
        Exception firstFailure = null;
        for (int i = 0; i < candidates.size(); i++) {
            try {
                return decodeWith(candidates.get(i), path, format);
            } catch (IIOException | RuntimeException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
                // a reader may be left in a bad state by a broken file: start afresh for the next one
                candidates.get(i).dispose();
                candidates.set(i, newReader(candidates.get(i).getOriginatingProvider()));
            }
        }
        if (firstFailure instanceof IIOException io) {
            throw io;
        }
        throw (RuntimeException) firstFailure;
    }

    private BufferedImage decodeWith(ImageReader reader, Path path, ImageFormat format)
            throws IOException, ImageDecodeException {
        warnings.clear();
        try (ImageInputStream stream = ImageIO.createImageInputStream(path.toFile())) {
            if (stream == null) {
                throw new ImageDecodeException("cannot open the file for ImageIO");
            }
            reader.setInput(stream, true, true);
            BufferedImage image = reader.read(0);
            for (String warning : warnings) {
                String w = warning.toLowerCase(Locale.ROOT);
                if (w.contains("truncat") || w.contains("premature end")) {
                    throw new ImageDecodeException(format.imageIoName().toUpperCase(Locale.ROOT) + " file is truncated ("
                            + warning + ")");
                }
            }
            return image;
        } finally {
            reader.setInput(null);
        }
    }

    private List<ImageReader> readers(ImageFormat format) throws ImageDecodeException {
        List<ImageReader> list = readers.get(format);
        if (list == null) {
            list = new ArrayList<>();
            for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName()); it.hasNext();) {
                ImageReader reader = it.next();
                reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
                boolean jdk = reader.getClass().getName().startsWith("com.sun.imageio.");
                list.add(format == ImageFormat.JPEG && jdk ? 0 : list.size(), reader);
            }
            if (list.isEmpty()) {
                throw new ImageDecodeException("no ImageIO reader for " + format.imageIoName());
            }
            readers.put(format, list);
        }
        return list;
    }

    private ImageReader newReader(javax.imageio.spi.ImageReaderSpi provider) {
        try {
            ImageReader reader = provider.createReaderInstance();
            reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
            return reader;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an ImageIO reader: " + e.getMessage(), e);
        }
    }

    /** The messages along the cause chain, without repeats, on one line. */
    private static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        return String.join(": ", parts).replace('\n', ' ');
    }

    @Override
    public void close() {
        readers.values().forEach(list -> list.forEach(ImageReader::dispose));
        readers.clear();
        png.close();
    }
}
