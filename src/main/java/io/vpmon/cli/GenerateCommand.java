package io.vpmon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.ExitCode;
import io.vpmon.generate.GeneratedFile;
import io.vpmon.generate.Generator;
import io.vpmon.generate.OutputDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        description = "Write the monitoring stack the spec describes into a directory, all files or none.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon generate -f vpmon.yaml -o out/",
            "  vpmon generate -f vpmon.yaml -o deploy/monitoring --check   # CI: fail if hand-edited or stale"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:files written (or, with --check, up to date)",
            "1:with --check: the directory differs from what the spec produces (diff on stdout)",
            ExitCodes.USAGE})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpecOption specOption;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "out",
            description = "Directory to write (replaced as a whole). Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--check", description = "Write nothing; exit 1 with a unified diff if DIR differs from the spec's output.")
    boolean check;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Generator.Output generated = Generator.generate(specOption.load(err), specOption.fileName());
        if (check) {
            String diff = OutputDirectory.diff(outputDir, generated.files());
            if (output.json()) {
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                json.put("output_dir", outputDir.toString());
                json.put("up_to_date", diff.isEmpty());
                json.put("diff", diff);
                Json.print(out, json);
            } else if (diff.isEmpty()) {
                out.println(outputDir + " is up to date with " + specOption.file);
            } else {
                out.print(diff);
                err.println(outputDir + " differs from what " + specOption.file + " produces; run 'vpmon generate -f "
                        + specOption.file + " -o " + outputDir + "'");
            }
            return diff.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        OutputDirectory.write(outputDir, generated.files());
        if (output.json()) {
            Json.print(out, json(generated));
        } else {
            printListing(out, generated);
        }
        return ExitCode.OK;
    }

    private ObjectNode json(Generator.Output generated) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("output_dir", outputDir.toString());
        ArrayNode files = json.putArray("files");
        for (GeneratedFile f : generated.files()) {
            ObjectNode o = files.addObject();
            o.put("path", outputDir.resolve(f.path()).toString());
            o.put("bytes", f.content().length);
            o.put("description", f.description());
        }
        ArrayNode notes = json.putArray("notes");
        generated.notes().forEach(notes::add);
        return json;
    }

    private void printListing(PrintWriter out, Generator.Output generated) {
        out.println("Generated " + generated.files().size() + " files from " + specOption.file + " into " + outputDir + ":");
        int width = generated.files().stream().mapToInt(f -> outputDir.resolve(f.path()).toString().length()).max().orElse(0);
        for (GeneratedFile f : generated.files()) {
            String path = outputDir.resolve(f.path()).toString();
            out.println("  " + path + " ".repeat(width - path.length() + 2) + f.description());
        }
        for (String note : generated.notes()) {
            out.println("note: " + note);
        }
    }

}
