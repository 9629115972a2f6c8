package io.vpmon.prom;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;

/**
 * A server was unreachable or answered with an error or with something unreadable (exit code 3).
 * The message is one line: what was asked of which URL, what came back (status, a short excerpt
 * of the body) and after how many attempts. It never holds a credential or header value.
 */
public final class ServerException extends VpmonException {
    private final int status;

    ServerException(String message, int status, Throwable cause) {
        super(ExitCode.UNAVAILABLE, message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when none was received. */
    public int status() {
        return status;
    }
}
