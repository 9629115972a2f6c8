package io.vpmon.generate;

import java.nio.charset.StandardCharsets;

/** One output file: its path under the output directory ('/'-separated), bytes, and what it is. */
public record GeneratedFile(String path, byte[] content, String description) {
    public static GeneratedFile text(String path, String content, String description) {
        return new GeneratedFile(path, content.getBytes(StandardCharsets.UTF_8), description);
    }

    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
