package io.vpmon.cli;

/** How a command reports: for people, or as one JSON document on stdout for scripts. */
enum OutputFormat {
    TABLE, JSON
}
