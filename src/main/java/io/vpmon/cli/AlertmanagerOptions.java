package io.vpmon.cli;

import io.vpmon.prom.Credentials;
import io.vpmon.prom.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the Alertmanager is and how to get through a proxy in front of it: auth by file, extra headers. */
final class AlertmanagerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--alertmanager", paramLabel = "URL", required = true,
            description = "The Alertmanager's base URL, with its path prefix if any: http://localhost:9093.")
    String url;

    @ArgGroup(exclusive = true)
    Auth auth;

    static final class Auth {
        @ArgGroup(exclusive = false)
        Basic basic;

        @Option(names = "--bearer-token-file", paramLabel = "FILE",
                description = "Send 'Authorization: Bearer' with the token read from FILE.")
        Path bearerTokenFile;
    }

    static final class Basic {
        @Option(names = "--user", paramLabel = "NAME", required = true, description = "Basic auth user name.")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE", required = true,
                description = "Basic auth password, read from FILE (never from the command line).")
        Path passwordFile;
    }

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "An extra request header, e.g. -H 'X-Scope-OrgID: ml'. Repeatable. Put secrets in files"
                    + " (--bearer-token-file, --password-file), not here.")
    List<String> headers = List.of();

    ServerConfig config(Duration timeout) {
        Credentials credentials = auth == null ? Credentials.none()
                : auth.bearerTokenFile != null ? Credentials.bearer(auth.bearerTokenFile)
                : Credentials.basic(auth.basic.user, auth.basic.passwordFile);
        return ServerConfig.of("Alertmanager", url, credentials, headers(), timeout);
    }

    private Map<String, String> headers() {
        Map<String, String> parsed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header : headers) {
            int colon = header.indexOf(':');
            String name = colon > 0 ? header.substring(0, colon).strip() : "";
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new ParameterException(mixee.commandLine(), "invalid --header '" + name
                        + "': write 'Name: value'");
            }
            if (name.equalsIgnoreCase("Authorization")) {
                throw new ParameterException(mixee.commandLine(), "set Authorization with --bearer-token-file or"
                        + " --user/--password-file, so the secret stays in a file");
            }
            parsed.put(name, header.substring(colon + 1).strip());
        }
        return parsed;
    }
}
