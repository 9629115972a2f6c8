package io.vpmon.cli;

import picocli.CommandLine.Option;

/** The --output option every reporting command shares. */
final class OutputOption {
    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people) or json (one document on stdout, for scripts). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.JSON;
    }
}
