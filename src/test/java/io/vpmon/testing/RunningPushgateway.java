package io.vpmon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real prometheus-pushgateway on a free 127.0.0.1 port, for tests that push to it. */
public final class RunningPushgateway implements AutoCloseable {
    private final ServerProcess process;
    private final String url;

    private RunningPushgateway(ServerProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    public static RunningPushgateway start(Path workDir) {
        Path binary = ExternalTool.require("prometheus-pushgateway");
        int port = FreePort.find();
        String url = "http://127.0.0.1:" + port;
        ServerProcess process = ServerProcess.start("pushgateway",
                List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port), workDir, url + "/-/ready",
                Duration.ofSeconds(30));
        return new RunningPushgateway(process, url);
    }

    /** The base URL, without a trailing slash. */
    public String url() {
        return url;
    }

    /** What Prometheus would scrape from it now. */
    public String metrics() {
        try (InputStream in = URI.create(url + "/metrics").toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
