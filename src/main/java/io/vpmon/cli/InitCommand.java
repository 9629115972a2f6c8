package io.vpmon.cli;

import io.vpmon.VpmonException;
import io.vpmon.spec.StarterSpec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init",
        description = "Write a commented starter spec to edit, with the seed documents' defaults.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon init", "  vpmon init monitoring/vpmon.yaml --service fraud-api"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK, "2:the file exists (use --force) or cannot be written"})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = "vpmon.yaml",
            description = "Where to write the spec. Default: ${DEFAULT-VALUE}.")
    Path path;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "visionplant",
            description = "The service name to put in the spec. Default: ${DEFAULT-VALUE}.")
    String service;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        byte[] content = StarterSpec.render(service);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            if (force) {
                Files.write(path, content);
            } else {
                Files.write(path, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw VpmonException.usage(path + " already exists; use --force to overwrite it");
        } catch (IOException e) {
            throw VpmonException.usage("cannot write " + path + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("Wrote " + path + ". Next: vpmon validate -f " + path);
        return 0;
    }
}
