package io.vpmon.spec;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The commented starter spec {@code vpmon init} writes, from templates/vpmon.yaml. */
public final class StarterSpec {
    private static final String TEMPLATE = "/io/vpmon/templates/vpmon.yaml";
    private static final String PLACEHOLDER = "__SERVICE__";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$");

    private StarterSpec() {
    }

    public static byte[] render(String service) {
        if (!NAME.matcher(service).matches()) {
            throw VpmonException.usage("invalid service name '" + service
                    + "': use lower-case letters, digits, '-' and '_'");
        }
        try (InputStream in = StarterSpec.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("starter template missing from the jar: " + TEMPLATE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace(PLACEHOLDER, service).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
