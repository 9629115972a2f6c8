package io.vpmon.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a real tool (promtool, amtool, prometheus, ...) on the PATH. A missing tool fails the
 * test with instructions, never skips it: `make test` installs them.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static Path require(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError(name + " is not on the PATH. Run 'make test' (it installs the Debian packages"
                + " prometheus, prometheus-alertmanager and prometheus-pushgateway) or install them yourself.");
    }
}
