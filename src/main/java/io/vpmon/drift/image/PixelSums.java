package io.vpmon.drift.image;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Exact integer sums over the pixels of one image, from which {@link ImageFeatures} follow with
 * one rounding each: the count, the sums of R, G and B, and the sum and sum of squares of
 * 1000·Y = 299 R + 587 G + 114 B. Integer sums do not depend on the order pixels arrive in (rows,
 * Adam7 passes, threads), so every decoder that hands over the same pixels gives the same
 * features, bit for bit.
 *
 * <p>Pixels arrive either as RGB triples ({@link #addRgb8}) or as 8-bit codes counted in a
 * histogram ({@link #countCode}) and mapped to RGB at the end through a lookup table: grey levels
 * map to themselves, palette indices through the palette.
 */
public final class PixelSums {
    /** Rows are summed in chunks of at most this many pixels, so no partial sum can overflow. */
    static final int CHUNK = 1 << 13;
    private static final long FLUSH_ABOVE = 1L << 62;

    private long pixels;
    private long sumR;
    private long sumG;
    private long sumB;
    private long sumY;
    private long sumYSquared;
    private BigInteger sumYSquaredOverflow = BigInteger.ZERO;
    private final long[] histogram = new long[256];
    private boolean histogramUsed;

    /** Adds pixels whose R, G and B are bytes at the given offsets of each pixelStride-byte pixel. */
    public void addRgb8(byte[] data, int offset, int count, int pixelStride, int rOffset, int gOffset, int bOffset) {
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            // int sums cannot overflow within a chunk (255000 * 8192 < 2^31); only squares need longs
            int r = 0;
            int g = 0;
            int b = 0;
            int y = 0;
            long y2 = 0;
            // one induction variable (not a pixel counter beside it): C2 checks bounds better, ~15% faster
            int last = offset + end * pixelStride;
            for (int p = offset + start * pixelStride; p < last; p += pixelStride) {
                int pr = data[p + rOffset] & 0xFF;
                int pg = data[p + gOffset] & 0xFF;
                int pb = data[p + bOffset] & 0xFF;
                int luma = 299 * pr + 587 * pg + 114 * pb;
                r += pr;
                g += pg;
                b += pb;
                y += luma;
                y2 += (long) luma * luma;
            }
            add(end - start, r, g, b, y, y2);
        }
    }

    /** Adds pixels given as separate 8-bit R, G and B values (the generic raster path). */
    public void addRgb(int[] red, int[] green, int[] blue, int count) {
        long r = 0;
        long g = 0;
        long b = 0;
        long y = 0;
        long y2 = 0;
        for (int i = 0; i < count; i++) {
            int luma = 299 * red[i] + 587 * green[i] + 114 * blue[i];
            r += red[i];
            g += green[i];
            b += blue[i];
            y += luma;
            y2 += (long) luma * luma;
            if ((i & (CHUNK - 1)) == CHUNK - 1) {
                add(CHUNK, r, g, b, y, y2);
                r = g = b = y = y2 = 0;
            }
        }
        add(count % CHUNK, r, g, b, y, y2);
    }

    /** Counts 8-bit codes (grey levels or palette indices) found every pixelStride bytes. */
    public void countCodes(byte[] data, int offset, int count, int pixelStride) {
        histogramUsed = true;
        long[] h = histogram;
        for (int i = 0, p = offset; i < count; i++, p += pixelStride) {
            h[data[p] & 0xFF]++;
        }
    }

    /** Counts one 8-bit code. */
    public void countCode(int code) {
        histogramUsed = true;
        histogram[code]++;
    }

    /** Counts codes packed 1, 2 or 4 bits each, most significant first, as in PNG rows. */
    public void countPackedCodes(byte[] data, int offset, int count, int bitDepth) {
        histogramUsed = true;
        int perByte = 8 / bitDepth;
        int mask = (1 << bitDepth) - 1;
        long[] h = histogram;
        int full = count / perByte;
        for (int i = 0; i < full; i++) {
            int v = data[offset + i] & 0xFF;
            for (int shift = 8 - bitDepth; shift >= 0; shift -= bitDepth) {
                h[(v >>> shift) & mask]++;
            }
        }
        int rest = count - full * perByte;
        if (rest > 0) {
            int v = data[offset + full] & 0xFF;
            for (int k = 0, shift = 8 - bitDepth; k < rest; k++, shift -= bitDepth) {
                h[(v >>> shift) & mask]++;
            }
        }
    }

    /**
     * Moves the histogram into the sums, mapping code c to (red[c], green[c], blue[c]). A code
     * beyond the tables maps to their last entry (how ImageIO pads a short PNG palette).
     */
    public void mapCodes(int[] red, int[] green, int[] blue) {
        if (!histogramUsed) {
            return;
        }
        long n = 0;
        long r = 0;
        long g = 0;
        long b = 0;
        long y = 0;
        long y2Small = 0;
        BigInteger y2 = BigInteger.ZERO;
        for (int c = 0; c < 256; c++) {
            long count = histogram[c];
            if (count == 0) {
                continue;
            }
            int i = Math.min(c, red.length - 1);
            long luma = 299L * red[i] + 587L * green[i] + 114L * blue[i];
            n += count;
            r += count * red[i];
            g += count * green[i];
            b += count * blue[i];
            y += count * luma;
            long lumaSquared = luma * luma;
            if (Math.multiplyHigh(count, lumaSquared) == 0 && count * lumaSquared >= 0) {
                y2Small += count * lumaSquared;
                if (y2Small > FLUSH_ABOVE) {
                    y2 = y2.add(BigInteger.valueOf(y2Small));
                    y2Small = 0;
                }
            } else {
                y2 = y2.add(BigInteger.valueOf(count).multiply(BigInteger.valueOf(lumaSquared)));
            }
            histogram[c] = 0;
        }
        histogramUsed = false;
        pixels += n;
        sumR += r;
        sumG += g;
        sumB += b;
        sumY += y;
        sumYSquaredOverflow = sumYSquaredOverflow.add(y2).add(BigInteger.valueOf(y2Small));
    }

    private void add(long n, long r, long g, long b, long y, long y2) {
        pixels += n;
        sumR += r;
        sumG += g;
        sumB += b;
        sumY += y;
        sumYSquared += y2;
        if (sumYSquared > FLUSH_ABOVE) {
            sumYSquaredOverflow = sumYSquaredOverflow.add(BigInteger.valueOf(sumYSquared));
            sumYSquared = 0;
        }
    }

    public long pixels() {
        return pixels;
    }

    /**
     * The features, each the double nearest to its exact value: means are one division of exact
     * integers; the variance (n·ΣY² − (ΣY)²) / (n²·10⁶) is exact and its square root correctly
     * rounded.
     *
     * @throws IllegalStateException when no pixel was added
     */
    public ImageFeatures features() {
        if (histogramUsed) {
            throw new IllegalStateException("codes were counted but never mapped to colours");
        }
        if (pixels == 0) {
            throw new IllegalStateException("no pixels");
        }
        BigInteger n = BigInteger.valueOf(pixels);
        BigInteger sy = BigInteger.valueOf(sumY);
        BigInteger sy2 = sumYSquaredOverflow.add(BigInteger.valueOf(sumYSquared));
        BigInteger varianceNumerator = n.multiply(sy2).subtract(sy.multiply(sy));
        BigInteger varianceDenominator = n.multiply(n).multiply(BigInteger.valueOf(1_000_000));
        return new ImageFeatures(
                ratio(BigInteger.valueOf(sumY), n.multiply(BigInteger.valueOf(1000))),
                sqrtOfRatio(varianceNumerator, varianceDenominator),
                ratio(BigInteger.valueOf(sumR), n),
                ratio(BigInteger.valueOf(sumG), n),
                ratio(BigInteger.valueOf(sumB), n));
    }

    private static final MathContext PRECISION = new MathContext(40);

    /** The double nearest to a / b (b > 0): exact when both fit in 53 bits, else via 40 digits. */
    private static double ratio(BigInteger a, BigInteger b) {
        if (a.bitLength() <= 53 && b.bitLength() <= 53) {
            return a.doubleValue() / b.doubleValue();
        }
        return new BigDecimal(a).divide(new BigDecimal(b), PRECISION).doubleValue();
    }

    /**
     * The double nearest to sqrt(a / b) (a >= 0, b > 0): the floating-point square root, then
     * moved to the right neighbour if an exact integer comparison with the midpoints says so.
     * (BigDecimal.sqrt gives the same, but costs tens of microseconds per image until the JIT
     * has seen thousands of calls: a second of CPU in a 10,000-image check.)
     */
    static double sqrtOfRatio(BigInteger a, BigInteger b) {
        if (a.signum() == 0) {
            return 0.0;
        }
        double q = Math.sqrt(a.doubleValue() / b.doubleValue());
        while (compareSquare(q, Math.nextUp(q), a, b) > 0) {
            q = Math.nextUp(q);
        }
        while (compareSquare(Math.nextDown(q), q, a, b) < 0) {
            q = Math.nextDown(q);
        }
        // now lower midpoint <= a/b <= upper midpoint; exactly on one: round half to even
        boolean odd = (Double.doubleToRawLongBits(q) & 1) == 1;
        if (odd && compareSquare(q, Math.nextUp(q), a, b) == 0) {
            return Math.nextUp(q);
        }
        if (odd && compareSquare(Math.nextDown(q), q, a, b) == 0) {
            return Math.nextDown(q);
        }
        return q;
    }

    /** The sign of a/b - m^2, where m is the midpoint of the adjacent positive doubles lo < hi. */
    private static int compareSquare(double lo, double hi, BigInteger a, BigInteger b) {
        // lo = L 2^e and hi = H 2^e with integers L, H and a common exponent e; m = (L + H) 2^(e-1)
        int e = Math.min(Math.getExponent(lo), Math.getExponent(hi)) - 52;
        BigInteger sum = BigInteger.valueOf(Math.round(Math.scalb(lo, -e)) + Math.round(Math.scalb(hi, -e)));
        // a/b vs sum^2 2^(2e-2)  <=>  a 2^(2-2e) vs sum^2 b  (scaled to integers on one side)
        BigInteger right = sum.multiply(sum).multiply(b);
        int shift = 2 - 2 * e;
        BigInteger left = a;
        if (shift >= 0) {
            left = left.shiftLeft(shift);
        } else {
            right = right.shiftLeft(-shift);
        }
        return left.compareTo(right);
    }
}
