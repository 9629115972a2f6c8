package io.vpmon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version and git revision, filtered into version.properties by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties props = load();
        return new String[] {"vpmon " + props.getProperty("version", "unknown")
                + " (" + props.getProperty("revision", "unknown") + ")"};
    }

    static Properties load() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
