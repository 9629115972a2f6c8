package io.vpmon.drift;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Small synthetic image batches for end-to-end tests: each image has its own exposure (normal
 * around 128 + shift, sd 12) and colour cast, a gradient and pixel noise, like the benchmark's
 * batches but tiny.
 */
public final class TestBatches {
    private TestBatches() {
    }

    /** Writes n images of 16x16 named img_NNN.png (or .jpg) into folder, deterministic in seed. */
    public static Path write(Path folder, int n, long seed, double shift, String format) {
        try {
            Files.createDirectories(folder);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
                double exposure = 128 + shift + random.nextGaussian() * 12;
                double[] cast = {random.nextGaussian() * 6, random.nextGaussian() * 6, random.nextGaussian() * 6};
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int[] rgb = new int[3];
                        for (int c = 0; c < 3; c++) {
                            double v = exposure + cast[c] + (x - 7.5) * 2 + (y - 7.5) + random.nextGaussian() * 4;
                            rgb[c] = (int) Math.max(0, Math.min(255, Math.round(v)));
                        }
                        image.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                    }
                }
                String name = String.format("img_%03d.%s", i, "jpeg".equals(format) ? "jpg" : format);
                ImageIO.write(image, format, folder.resolve(name).toFile());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
