package io.vpmon.drift;

import io.vpmon.VpmonException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint parts of a folder, for extracting a huge batch in parallel jobs
 * (e.g. a Kubernetes Indexed Job with {@code --shard $JOB_COMPLETION_INDEX/N}). A file belongs
 * to shard CRC32(its path relative to the folder) mod count: stable, without coordination, and
 * independent of how each job lists the folder.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw VpmonException.usage("--shard " + index + "/" + count + ": need 0 <= INDEX < COUNT, e.g. 0/4");
        }
    }

    /** Parses INDEX/COUNT. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw VpmonException.usage("--shard '" + text + "': expected INDEX/COUNT, e.g. 0/4");
    }

    public boolean contains(Path folder, Path file) {
        if (count == 1) {
            return true;
        }
        String relative = folder.relativize(file).toString().replace('\\', '/');
        CRC32 crc = new CRC32();
        crc.update(relative.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index;
    }
}
