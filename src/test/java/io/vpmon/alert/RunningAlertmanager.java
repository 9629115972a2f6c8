package io.vpmon.alert;

import io.vpmon.generate.Generator;
import io.vpmon.generate.OutputDirectory;
import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import io.vpmon.testing.ExternalTool;
import io.vpmon.testing.FreePort;
import io.vpmon.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Alertmanager (the prometheus-alertmanager package) on a free 127.0.0.1 port, running
 * the config vpmon generates from a spec, clustering off. For tests and the delivery benchmark.
 */
public final class RunningAlertmanager implements AutoCloseable {
    private final ServerProcess process;
    private final String url;
    private final Path specFile;

    private RunningAlertmanager(ServerProcess process, String url, Path specFile) {
        this.process = process;
        this.url = url;
        this.specFile = specFile;
    }

    /** Fills {@code @NAME@} placeholders of a spec template, generates its stack into {@code dir} and starts Alertmanager. */
    public static RunningAlertmanager start(Path template, Map<String, String> values, Path dir) {
        try {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("@" + e.getKey() + "@", e.getValue());
            }
            Path specFile = dir.resolve("spec.yaml");
            Files.writeString(specFile, text, StandardCharsets.UTF_8);
            Spec spec = SpecLoader.load(specFile).orThrow();
            Path out = dir.resolve("out");
            OutputDirectory.write(out, Generator.generate(spec, "spec.yaml").files());
            int port = FreePort.find();
            String url = "http://127.0.0.1:" + port;
            Files.createDirectories(dir.resolve("data"));
            ServerProcess process = ServerProcess.start("alertmanager", List.of(
                    ExternalTool.require("prometheus-alertmanager").toString(),
                    "--config.file=" + out.resolve("alertmanager/alertmanager.yml"),
                    "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address="), dir, url + "/-/ready", Duration.ofSeconds(30));
            return new RunningAlertmanager(process, url, specFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    /** The filled-in spec the config was generated from. */
    public Path specFile() {
        return specFile;
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
