package io.vpmon.drift.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Computes a PNG's {@link PixelSums} while inflating it, row by row, without building an image:
 * chunks are read from the stream, IDAT data goes straight into a reused {@link Inflater}
 * (native zlib), each row is unfiltered against the previous one and summed, and only two rows
 * are ever held. Every colour type and bit depth and Adam7 interlacing are handled, and the
 * pixels are read by the same rules as {@link RasterPixels} reads ImageIO's rasters (palette
 * through the table, padded with its last entry like ImageIO does; 16-bit samples by their high
 * byte; alpha and tRNS ignored), so both paths give identical features.
 *
 * <p>Like ImageIO and Pillow it does not check chunk CRCs and stops once the last row is read;
 * zlib still checks the compressed data. Not thread-safe: one instance per thread, reused.
 */
final class PngStreamReader {
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    /** Adam7 passes: x0, y0, dx, dy. */
    private static final int[][] ADAM7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4},
        {1, 0, 2, 2}, {0, 1, 1, 2}};
    private static final int[] GREY = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            GREY[i] = i;
        }
    }

    private final Inflater inflater = new Inflater();
    private final byte[] buffer = new byte[1 << 16];
    private InputStream in;
    private int position;
    private int limit;
    private long idatRemaining;
    private byte[] current = new byte[0];
    private byte[] previous = new byte[0];

    /** Header fields that decide how rows are laid out. */
    private int width;
    private int height;
    private int bitDepth;
    private int colourType;
    private int channels;
    private int[][] palette;

    /**
     * Reads the PNG after its 8-byte signature (already consumed from {@code in}) and adds its
     * pixels to {@code sums}; with {@code sums == null} it only decodes (for benchmarks).
     */
    void read(InputStream input, PixelSums sums) throws IOException, ImageDecodeException {
        this.in = input;
        position = 0;
        limit = 0;
        palette = null;
        inflater.reset();
        try {
            readHeaderChunks();
            if (sums == null) {
                decodeRows(null);
            } else {
                decodeRows(sums);
                if (colourType == 3) {
                    sums.mapCodes(palette[0], palette[1], palette[2]);
                } else if (colourType == 0 && bitDepth < 8) {
                    sums.mapCodes(greyLevels(bitDepth), greyLevels(bitDepth), greyLevels(bitDepth));
                } else if (colourType == 0 || colourType == 4) {
                    sums.mapCodes(GREY, GREY, GREY);
                }
            }
        } finally {
            this.in = null;
        }
    }

    private void readHeaderChunks() throws IOException, ImageDecodeException {
        boolean first = true;
        while (true) {
            long length = readUnsignedInt();
            int type = readInt();
            if (first && (type != IHDR || length != 13)) {
                throw new ImageDecodeException("PNG does not start with an IHDR chunk");
            }
            first = false;
            if (type == IHDR) {
                readIhdr();
            } else if (type == PLTE) {
                readPalette(length);
            } else if (type == IDAT) {
                idatRemaining = length;
                if (colourType == 3 && palette == null) {
                    throw new ImageDecodeException("palette PNG without a PLTE chunk");
                }
                return;
            } else if (type == IEND) {
                throw new ImageDecodeException("PNG has no image data (no IDAT chunk)");
            } else {
                skip(length);
            }
            skip(4); // CRC
        }
    }

    private void readIhdr() throws IOException, ImageDecodeException {
        long w = readUnsignedInt();
        long h = readUnsignedInt();
        ensure(5);
        bitDepth = buffer[position] & 0xFF;
        colourType = buffer[position + 1] & 0xFF;
        int compression = buffer[position + 2] & 0xFF;
        int filter = buffer[position + 3] & 0xFF;
        int interlace = buffer[position + 4] & 0xFF;
        position += 5;
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw new ImageDecodeException("PNG has an invalid size " + w + "x" + h);
        }
        width = (int) w;
        height = (int) h;
        channels = switch (colourType) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new ImageDecodeException("PNG has an invalid colour type " + colourType);
        };
        boolean depthOk = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            default -> bitDepth == 8 || bitDepth == 16;
        };
        if (!depthOk) {
            throw new ImageDecodeException("PNG has an invalid bit depth " + bitDepth + " for colour type " + colourType);
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw new ImageDecodeException("PNG uses an unknown compression, filter or interlace method");
        }
        if (rowBytes(width) > Integer.MAX_VALUE - 16) {
            throw new ImageDecodeException("PNG rows are too wide (" + width + " pixels)");
        }
        interlaced = interlace == 1;
    }

    private boolean interlaced;

    private void readPalette(long length) throws IOException, ImageDecodeException {
        if (length % 3 != 0 || length == 0 || length > 768) {
            throw new ImageDecodeException("PNG has an invalid PLTE chunk of " + length + " bytes");
        }
        int entries = (int) (length / 3);
        int[][] table = new int[3][entries];
        ensure((int) length);
        for (int i = 0; i < entries; i++) {
            table[0][i] = buffer[position++] & 0xFF;
            table[1][i] = buffer[position++] & 0xFF;
            table[2][i] = buffer[position++] & 0xFF;
        }
        palette = table;
    }

    private long rowBytes(int pixels) {
        return ((long) pixels * channels * bitDepth + 7) / 8;
    }

    private void decodeRows(PixelSums sums) throws IOException, ImageDecodeException {
        int bytesPerPixel = Math.max(1, channels * bitDepth / 8);
        int maxRow = (int) rowBytes(width) + 1;
        if (current.length < maxRow) {
            current = new byte[maxRow];
            previous = new byte[maxRow];
        }
        if (!interlaced) {
            decodePass(width, height, bytesPerPixel, sums);
            return;
        }
        for (int[] pass : ADAM7) {
            int passWidth = width > pass[0] ? (width - pass[0] + pass[2] - 1) / pass[2] : 0;
            int passHeight = height > pass[1] ? (height - pass[1] + pass[3] - 1) / pass[3] : 0;
            if (passWidth > 0 && passHeight > 0) {
                decodePass(passWidth, passHeight, bytesPerPixel, sums);
            }
        }
    }

    private void decodePass(int pixels, int rows, int bpp, PixelSums sums) throws IOException, ImageDecodeException {
        int length = (int) rowBytes(pixels);
        Arrays.fill(previous, 0, length + 1, (byte) 0);
        for (int y = 0; y < rows; y++) {
            inflateFully(current, length + 1);
            unfilter(current, previous, length, bpp);
            if (sums != null) {
                addRow(current, pixels, sums);
            }
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
    }

    /** Reverses the row's filter in place; data starts at index 1, index 0 holds the filter type. */
    private static void unfilter(byte[] row, byte[] prior, int length, int bpp) throws ImageDecodeException {
        int filter = row[0];
        int end = length + 1;
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = 1 + bpp; i < end; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 1; i < end; i++) {
                    row[i] += prior[i];
                }
            }
            case 3 -> {
                for (int i = 1; i < 1 + bpp && i < end; i++) {
                    row[i] += (byte) ((prior[i] & 0xFF) >>> 1);
                }
                for (int i = 1 + bpp; i < end; i++) {
                    row[i] += (byte) (((row[i - bpp] & 0xFF) + (prior[i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 1; i < 1 + bpp && i < end; i++) {
                    row[i] += prior[i];
                }
                for (int i = 1 + bpp; i < end; i++) {
                    int a = row[i - bpp] & 0xFF;
                    int b = prior[i] & 0xFF;
                    int c = prior[i - bpp] & 0xFF;
                    int pa = Math.abs(b - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + b - c - c);
                    int predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
                    row[i] += (byte) predictor;
                }
            }
            default -> throw new ImageDecodeException("PNG row has an invalid filter type " + (filter & 0xFF));
        }
    }

    private void addRow(byte[] row, int pixels, PixelSums sums) {
        switch (colourType) {
            case 0, 3 -> {
                if (bitDepth < 8) {
                    sums.countPackedCodes(row, 1, pixels, bitDepth);
                } else {
                    sums.countCodes(row, 1, pixels, bitDepth / 8);
                }
            }
            case 4 -> sums.countCodes(row, 1, pixels, bitDepth / 4);
            case 2 -> sums.addRgb8(row, 1, pixels, bitDepth * 3 / 8, 0, bitDepth / 8, bitDepth / 4);
            case 6 -> sums.addRgb8(row, 1, pixels, bitDepth / 2, 0, bitDepth / 8, bitDepth / 4);
            default -> throw new IllegalStateException("colour type " + colourType);
        }
    }

    /** ImageIO's grey levels for 1, 2 and 4-bit grey: i * 255 / (2^depth - 1). */
    private static int[] greyLevels(int depth) {
        int max = (1 << depth) - 1;
        int[] levels = new int[max + 1];
        for (int i = 0; i <= max; i++) {
            levels[i] = i * 255 / max;
        }
        return levels;
    }

    private void inflateFully(byte[] target, int length) throws IOException, ImageDecodeException {
        int filled = 0;
        while (filled < length) {
            int n;
            try {
                n = inflater.inflate(target, filled, length - filled);
            } catch (DataFormatException e) {
                throw new ImageDecodeException("PNG image data is corrupt (" + e.getMessage() + ")");
            }
            filled += n;
            if (n == 0) {
                if (inflater.finished()) {
                    throw new ImageDecodeException("PNG image data ends before the last row");
                }
                if (inflater.needsDictionary()) {
                    throw new ImageDecodeException("PNG image data asks for a preset dictionary");
                }
                if (inflater.needsInput()) {
                    feedInflater();
                }
            }
        }
    }

    /** Gives the inflater the next piece of IDAT data, moving on to the next IDAT chunk if needed. */
    private void feedInflater() throws IOException, ImageDecodeException {
        while (idatRemaining == 0) {
            skip(4); // CRC of the finished chunk
            long length = readUnsignedInt();
            int type = readInt();
            if (type != IDAT) {
                throw new ImageDecodeException("PNG image data ends before the last row");
            }
            idatRemaining = length;
        }
        if (position == limit) {
            position = 0;
            limit = 0;
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                throw new ImageDecodeException("PNG file is truncated (it ends inside the image data)");
            }
            limit = n;
        }
        int n = (int) Math.min(limit - position, idatRemaining);
        inflater.setInput(buffer, position, n);
        position += n;
        idatRemaining -= n;
    }

    /** Makes at least n bytes available at position (the inflater must not hold buffered input). */
    private void ensure(int n) throws IOException, ImageDecodeException {
        if (limit - position >= n) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read <= 0) {
                throw new ImageDecodeException("PNG file is truncated");
            }
            limit += read;
        }
    }

    private void skip(long n) throws IOException, ImageDecodeException {
        long left = n;
        while (left > 0) {
            if (position == limit) {
                ensure(1);
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    private int readInt() throws IOException, ImageDecodeException {
        ensure(4);
        int value = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    private long readUnsignedInt() throws IOException, ImageDecodeException {
        long value = readInt() & 0xFFFFFFFFL;
        if (value > Integer.MAX_VALUE) {
            throw new ImageDecodeException("PNG has an invalid chunk length " + value);
        }
        return value;
    }
}
