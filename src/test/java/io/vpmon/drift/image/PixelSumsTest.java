package io.vpmon.drift.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The exact sums behind every feature. */
class PixelSumsTest {
    @Test
    void featuresOfAFewPixelsAreTheExactValuesRoundedOnce() {
        PixelSums sums = new PixelSums();
        // pixels (R,G,B): (255,0,0), (0,255,0), (0,0,255), (10,20,30)
        byte[] data = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 10, 20, 30};
        sums.addRgb8(data, 0, 4, 3, 0, 1, 2);
        ImageFeatures f = sums.features();
        // 1000*Y = 76245, 149685, 29070, 18150: mean 273150 / 4000
        assertThat(f.meanBrightness()).isEqualTo(68.2875);
        // population variance of 1000*Y: (sum of squares - 4 * mean^2) / 4 / 10^6
        double variance = (76245.0 * 76245 + 149685.0 * 149685 + 29070.0 * 29070 + 18150.0 * 18150
                - 4 * 68287.5 * 68287.5) / 4 / 1e6;
        assertThat(f.stdBrightness()).isEqualTo(Math.sqrt(variance));
        assertThat(f.meanR()).isEqualTo(66.25);
        assertThat(f.meanG()).isEqualTo(68.75);
        assertThat(f.meanB()).isEqualTo(71.25);
    }

    @Test
    void greyLevelsCountAsEqualRedGreenAndBlue() {
        PixelSums grey = new PixelSums();
        grey.countCodes(new byte[] {0, 100, (byte) 200}, 0, 3, 1);
        int[] identity = new int[256];
        for (int i = 0; i < 256; i++) {
            identity[i] = i;
        }
        grey.mapCodes(identity, identity, identity);
        PixelSums rgb = new PixelSums();
        rgb.addRgb8(new byte[] {0, 0, 0, 100, 100, 100, (byte) 200, (byte) 200, (byte) 200}, 0, 3, 3, 0, 1, 2);
        assertThat(grey.features()).isEqualTo(rgb.features());
        assertThat(grey.features().meanBrightness()).isEqualTo(100.0);
    }

    @Test
    void sumsStayExactBeyondSixtyFourBits() {
        // 3000 rows of 65,536 white pixels: the sum of (1000 Y)^2 reaches 1.3e19, past 2^63
        PixelSums sums = new PixelSums();
        byte[] white = new byte[65_536 * 3];
        java.util.Arrays.fill(white, (byte) 255);
        for (int row = 0; row < 3000; row++) {
            sums.addRgb8(white, 0, 65_536, 3, 0, 1, 2);
        }
        byte[] black = new byte[3];
        sums.addRgb8(black, 0, 1, 3, 0, 1, 2);
        ImageFeatures f = sums.features();
        long n = 3000L * 65_536 + 1;
        // one black pixel among n - 1 white ones: mean 255 (n-1)/n, std 255 sqrt(n-1)/n
        assertThat(f.meanBrightness()).isEqualTo(255.0 * (n - 1) / n);
        assertThat(f.stdBrightness()).isCloseTo(255.0 * Math.sqrt(n - 1) / n, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(f.meanR()).isEqualTo(255.0 * (n - 1) / n);
    }

    @Test
    void packedCodesAreReadMostSignificantFirstIncludingAPartialLastByte() {
        PixelSums sums = new PixelSums();
        // 2-bit codes 3,2,1,0 | 1,1 (then padding bits)
        sums.countPackedCodes(new byte[] {(byte) 0b11100100, (byte) 0b01011111}, 0, 6, 2);
        int[] levels = {0, 85, 170, 255};
        sums.mapCodes(levels, levels, levels);
        assertThat(sums.features().meanR()).isEqualTo((255 + 170 + 85 + 0 + 85 + 85) / 6.0);
    }

    @Test
    void anImageWithoutPixelsHasNoFeatures() {
        assertThatThrownBy(() -> new PixelSums().features()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void squareRootsOfRatiosAreCorrectlyRoundedAgainstBigDecimal() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        java.math.MathContext digits = new java.math.MathContext(60);
        for (int i = 0; i < 20_000; i++) {
            java.math.BigInteger a = new java.math.BigInteger(1 + random.nextInt(90), new java.util.Random(random.nextLong()));
            java.math.BigInteger b = new java.math.BigInteger(1 + random.nextInt(90), new java.util.Random(random.nextLong()))
                    .add(java.math.BigInteger.ONE);
            double expected = new java.math.BigDecimal(a).divide(new java.math.BigDecimal(b), digits).sqrt(digits).doubleValue();
            assertThat(PixelSums.sqrtOfRatio(a, b)).as(a + "/" + b).isEqualTo(expected);
        }
        // perfect squares and a ratio that lands exactly on a power of two
        assertThat(PixelSums.sqrtOfRatio(java.math.BigInteger.valueOf(81), java.math.BigInteger.valueOf(4))).isEqualTo(4.5);
        assertThat(PixelSums.sqrtOfRatio(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(1L << 40))).isEqualTo(0x1p-20);
    }
}
