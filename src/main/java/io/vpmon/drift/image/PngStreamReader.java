package io.vpmon.drift.image;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Computes a PNG's {@link PixelSums} while inflating it, without building an image: chunks are
 * read from the stream, IDAT data goes straight into a reused {@link Inflater} (native zlib),
 * rows come out a block (about 64 KB) at a time and each is unfiltered against the one before
 * and summed, so memory does not grow with the image. Every colour type and bit depth and Adam7
 * interlacing are handled, and the
 * pixels are read by the same rules as {@link RasterPixels} reads ImageIO's rasters (palette
 * through the table, padded with its last entry like ImageIO does; 16-bit samples by their high
 * byte; alpha and tRNS ignored), so both paths give identical features.
 *
 * <p>Like ImageIO and Pillow it does not check chunk CRCs and stops once the last row is read;
 * zlib still checks the compressed data. Not thread-safe: one instance per thread, reused, then
 * closed.
 */
final class PngStreamReader implements AutoCloseable {
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
    /** Rows inflated together: enough for about this many bytes (at least one row). */
    private static final int BLOCK_BYTES = 1 << 16;
    private byte[] block = new byte[0];
    /** The last row of the previous block, which the next block's first row is unfiltered against. */
    private byte[] previous = new byte[0];

    /** Header fields that decide how rows are laid out. */
    private int width;
    private int height;
    private int bitDepth;
    private int colourType;
    private int channels;
    private boolean interlaced;
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

    /**
     * Inflates rows a block at a time (one call into zlib for many rows, not one per row),
     * unfilters each against the one before and sums it. Each row is its filter byte and data.
     */
    private void decodePass(int pixels, int rows, int bpp, PixelSums sums) throws IOException, ImageDecodeException {
        int stride = (int) rowBytes(pixels) + 1;
        int rowsPerBlock = Math.max(1, Math.min(rows, BLOCK_BYTES / stride));
        if (block.length < rowsPerBlock * stride) {
            block = new byte[rowsPerBlock * stride];
        }
        if (previous.length < stride) {
            previous = new byte[stride];
        }
        Arrays.fill(previous, 0, stride, (byte) 0);
        for (int y = 0; y < rows; y += rowsPerBlock) {
            int n = Math.min(rowsPerBlock, rows - y);
            inflateFully(block, n * stride);
            unfilter(block, 0, previous, 0, stride - 1, bpp);
            for (int k = 1; k < n; k++) {
                unfilter(block, k * stride, block, (k - 1) * stride, stride - 1, bpp);
            }
            if (sums != null) {
                for (int k = 0; k < n; k++) {
                    addRow(block, k * stride + 1, pixels, sums);
                }
            }
            System.arraycopy(block, (n - 1) * stride, previous, 0, stride);
        }
    }

    /**
     * Reverses a row's filter in place: the filter type is at buf[at], the data follows; the
     * prior row's data follows prior[priorAt] likewise.
     */
    private static void unfilter(byte[] buf, int at, byte[] prior, int priorAt, int length, int bpp)
            throws ImageDecodeException {
        switch (buf[at]) {
            case 0 -> {
            }
            case 1 -> unfilterSub(buf, at + 1, length, bpp);
            case 2 -> unfilterUp(buf, at + 1, prior, priorAt + 1, length);
            case 3 -> unfilterAverage(buf, at + 1, prior, priorAt + 1, length, bpp);
            case 4 -> unfilterPaeth(buf, at + 1, prior, priorAt + 1, length, bpp);
            default -> throw new ImageDecodeException("PNG row has an invalid filter type " + (buf[at] & 0xFF));
        }
    }

    /*
     * Sub, Average and Paeth predict from the pixel to the left. Each channel is walked on its
     * own with the left neighbour kept in a register: for the obvious row[i] += row[i - bpp],
     * JDK 17's C2 emits code that stalls on store-to-load forwarding, ten times slower.
     */

    private static void unfilterSub(byte[] row, int from, int length, int bpp) {
        int end = from + length;
        for (int c = 0; c < bpp; c++) {
            int left = 0;
            for (int i = from + c; i < end; i += bpp) {
                left = (row[i] + left) & 0xFF;
                row[i] = (byte) left;
            }
        }
    }

    /**
     * Up adds the row above, eight bytes at a time in a long (carries kept inside each byte).
     * The plain byte loop gets vectorised by C2, and its wide loads of the row just stored
     * then miss store forwarding: several times slower than this.
     */
    private static void unfilterUp(byte[] row, int from, byte[] prior, int priorFrom, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = (long) LONGS.get(row, from + i);
            long y = (long) LONGS.get(prior, priorFrom + i);
            long sum = ((x & LOW_SEVEN_BITS) + (y & LOW_SEVEN_BITS)) ^ ((x ^ y) & HIGH_BITS);
            LONGS.set(row, from + i, sum);
        }
        for (; i < length; i++) {
            row[from + i] += prior[priorFrom + i];
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static void unfilterAverage(byte[] row, int from, byte[] prior, int priorFrom, int length, int bpp) {
        for (int c = 0; c < bpp; c++) {
            int left = 0;
            for (int i = c; i < length; i += bpp) {
                left = (row[from + i] + ((left + (prior[priorFrom + i] & 0xFF)) >>> 1)) & 0xFF;
                row[from + i] = (byte) left;
            }
        }
    }

    private static void unfilterPaeth(byte[] row, int from, byte[] prior, int priorFrom, int length, int bpp) {
        for (int c = 0; c < bpp; c++) {
            int left = 0;
            int upperLeft = 0;
            for (int i = c; i < length; i += bpp) {
                int up = prior[priorFrom + i] & 0xFF;
                int pa = Math.abs(up - upperLeft);
                int pb = Math.abs(left - upperLeft);
                int pc = Math.abs(left + up - upperLeft - upperLeft);
                int predictor = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upperLeft);
                left = (row[from + i] + predictor) & 0xFF;
                row[from + i] = (byte) left;
                upperLeft = up;
            }
        }
    }

    /** Adds one row's pixels, whose data start at buf[at]. */
    private void addRow(byte[] buf, int at, int pixels, PixelSums sums) {
        switch (colourType) {
            case 0, 3 -> {
                if (bitDepth < 8) {
                    sums.countPackedCodes(buf, at, pixels, bitDepth);
                } else {
                    sums.countCodes(buf, at, pixels, bitDepth / 8);
                }
            }
            case 4 -> sums.countCodes(buf, at, pixels, bitDepth / 4);
            case 2 -> sums.addRgb8(buf, at, pixels, bitDepth * 3 / 8, 0, bitDepth / 8, bitDepth / 4);
            case 6 -> sums.addRgb8(buf, at, pixels, bitDepth / 2, 0, bitDepth / 8, bitDepth / 4);
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

    /** Frees zlib's native memory now rather than when the collector gets to it. */
    @Override
    public void close() {
        inflater.end();
    }
}
