package io.vpmon.cli;

import picocli.CommandLine.Option;

/** The -f/--file option every spec-reading command shares. */
final class SpecOption {
    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", defaultValue = "vpmon.yaml",
            description = "The spec file ('-' for standard input). Default: ${DEFAULT-VALUE}.")
    String file;
}
