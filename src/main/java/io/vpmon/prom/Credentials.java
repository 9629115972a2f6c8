package io.vpmon.prom;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * How a client proves who it is: nothing, basic auth or a bearer token, the secret always read
 * from a file (so it never appears on a command line, in a process list or a message).
 */
public sealed interface Credentials {
    /** The Authorization header value, read from the file now; empty for no credentials. */
    Optional<String> authorization();

    static Credentials none() {
        return new None();
    }

    static Credentials basic(String username, Path passwordFile) {
        return new Basic(username, passwordFile);
    }

    static Credentials bearer(Path tokenFile) {
        return new Bearer(tokenFile);
    }

    record None() implements Credentials {
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }

    record Basic(String username, Path passwordFile) implements Credentials {
        public Optional<String> authorization() {
            String pair = username + ":" + readSecret(passwordFile, "password file");
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    record Bearer(Path tokenFile) implements Credentials {
        public Optional<String> authorization() {
            return Optional.of("Bearer " + readSecret(tokenFile, "token file"));
        }
    }

    /** The file's content without its trailing newline; errors name the file, never its content. */
    private static String readSecret(Path file, String what) {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw VpmonException.usage(what + " " + file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw VpmonException.usage(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw VpmonException.usage("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
