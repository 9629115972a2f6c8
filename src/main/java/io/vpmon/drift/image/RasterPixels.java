package io.vpmon.drift.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Adds the pixels of a decoded image to {@link PixelSums} from its raster, never through
 * {@code getRGB} (which converts grey and 16-bit images through colour spaces and moves their
 * brightness): palette images through their colour table, grey as R = G = B, RGB bands as they
 * are, 16-bit samples scaled by {@code >>> 8}, alpha ignored. Only images in other colour spaces
 * (CMYK TIFFs, say) are converted to sRGB by their colour model.
 */
final class RasterPixels {
    private RasterPixels() {
    }

    static void add(BufferedImage image, PixelSums sums) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int transfer = raster.getTransferType();
        if (transfer == DataBuffer.TYPE_FLOAT || transfer == DataBuffer.TYPE_DOUBLE
                || cm instanceof IndexColorModel big && big.getMapSize() > 256) {
            addConverted(image, sums);
            return;
        }
        if (cm instanceof IndexColorModel icm) {
            addIndexed(raster, icm, sums);
            return;
        }
        int colourSpace = cm.getColorSpace().getType();
        boolean components = cm instanceof ComponentColorModel || cm instanceof DirectColorModel;
        if (components && colourSpace == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            addComponents(raster, cm, new int[] {0, 0, 0}, sums);
        } else if (components && colourSpace == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3) {
            addComponents(raster, cm, new int[] {0, 1, 2}, sums);
        } else {
            addConverted(image, sums);
        }
    }

    private static void addIndexed(Raster raster, IndexColorModel icm, PixelSums sums) {
        int size = icm.getMapSize();
        int[] red = new int[size];
        int[] green = new int[size];
        int[] blue = new int[size];
        for (int i = 0; i < size; i++) {
            red[i] = icm.getRed(i);
            green[i] = icm.getGreen(i);
            blue[i] = icm.getBlue(i);
        }
        int width = raster.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                sums.countCode(row[x]);
            }
        }
        sums.mapCodes(red, green, blue);
    }

    /** Grey (bands {0, 0, 0}) or RGB (bands {0, 1, 2}) from the raster's samples, any depth. */
    private static void addComponents(Raster raster, ColorModel cm, int[] bands, PixelSums sums) {
        SampleModel sm = raster.getSampleModel();
        int bits = cm.getComponentSize(0);
        boolean sameDepth = cm.getComponentSize(bands[1]) == bits && cm.getComponentSize(bands[2]) == bits;
        boolean plain = raster.getParent() == null && raster.getMinX() == 0 && raster.getMinY() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (sameDepth && plain && sm instanceof ComponentSampleModel csm) {
            DataBuffer buffer = raster.getDataBuffer();
            if (bits == 8 && buffer instanceof DataBufferByte bytes && bytes.getNumBanks() == 1) {
                addInterleavedBytes(raster, csm, bytes.getData(), bands, sums);
                return;
            }
            if (bits == 16 && buffer instanceof DataBufferUShort shorts && shorts.getNumBanks() == 1) {
                addInterleavedShorts(raster, csm, shorts.getData(), bands, sums);
                return;
            }
        }
        addSampleRows(raster, cm, bands, sums);
    }

    private static void addInterleavedBytes(Raster raster, ComponentSampleModel csm, byte[] data, int[] bands,
            PixelSums sums) {
        int[] offsets = csm.getBandOffsets();
        int[] banks = csm.getBankIndices();
        for (int band : bands) {
            if (banks[band] != 0) {
                addSampleRows(raster, null, bands, sums);
                return;
            }
        }
        int pixelStride = csm.getPixelStride();
        int scanline = csm.getScanlineStride();
        int width = raster.getWidth();
        int base = raster.getDataBuffer().getOffset();
        boolean grey = bands[0] == bands[1];
        for (int y = 0; y < raster.getHeight(); y++) {
            int rowStart = base + y * scanline;
            if (grey) {
                sums.countCodes(data, rowStart + offsets[0], width, pixelStride);
            } else {
                sums.addRgb8(data, rowStart, width, pixelStride, offsets[bands[0]], offsets[bands[1]], offsets[bands[2]]);
            }
        }
        if (grey) {
            sums.mapCodes(IDENTITY, IDENTITY, IDENTITY);
        }
    }

    private static void addInterleavedShorts(Raster raster, ComponentSampleModel csm, short[] data, int[] bands,
            PixelSums sums) {
        int[] offsets = csm.getBandOffsets();
        int pixelStride = csm.getPixelStride();
        int scanline = csm.getScanlineStride();
        int width = raster.getWidth();
        int base = raster.getDataBuffer().getOffset();
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            int p = base + y * scanline;
            for (int x = 0; x < width; x++, p += pixelStride) {
                r[x] = (data[p + offsets[bands[0]]] & 0xFFFF) >>> 8;
                g[x] = (data[p + offsets[bands[1]]] & 0xFFFF) >>> 8;
                b[x] = (data[p + offsets[bands[2]]] & 0xFFFF) >>> 8;
            }
            sums.addRgb(r, g, b, width);
        }
    }

    /** Any sample model: samples row by row, scaled to 8 bits by their declared depth. */
    private static void addSampleRows(Raster raster, ColorModel cm, int[] bands, PixelSums sums) {
        int width = raster.getWidth();
        int[][] rows = new int[3][width];
        int[] bits = new int[3];
        for (int c = 0; c < 3; c++) {
            bits[c] = cm != null ? cm.getComponentSize(bands[c]) : raster.getSampleModel().getSampleSize(bands[c]);
        }
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int c = 0; c < 3; c++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, bands[c], rows[c]);
                scaleTo8Bits(rows[c], bits[c]);
            }
            sums.addRgb(rows[0], rows[1], rows[2], width);
        }
    }

    /** n-bit samples to 8 bits: the top 8 bits when deeper, the nearest level v·255/max when shallower. */
    static void scaleTo8Bits(int[] samples, int bits) {
        if (bits == 8) {
            return;
        }
        int max = (1 << bits) - 1;
        for (int i = 0; i < samples.length; i++) {
            samples[i] = bits > 8 ? samples[i] >>> (bits - 8) : (samples[i] * 255 + max / 2) / max;
        }
    }

    /** Colour spaces other than grey and RGB: the colour model's own conversion to sRGB. */
    private static void addConverted(BufferedImage image, PixelSums sums) {
        int width = image.getWidth();
        int[] argb = new int[width];
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                r[x] = (argb[x] >>> 16) & 0xFF;
                g[x] = (argb[x] >>> 8) & 0xFF;
                b[x] = argb[x] & 0xFF;
            }
            sums.addRgb(r, g, b, width);
        }
    }

    private static final int[] IDENTITY = identity();

    private static int[] identity() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = i;
        }
        return table;
    }
}
