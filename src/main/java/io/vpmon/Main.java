package io.vpmon;

import io.vpmon.cli.Cli;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
