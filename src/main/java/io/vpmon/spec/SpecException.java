package io.vpmon.spec;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import java.util.List;

/** An invalid spec: carries every problem found, so a command can print them all at once. */
public final class SpecException extends VpmonException {
    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(ExitCode.USAGE, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return "spec is invalid: " + errors + (errors == 1 ? " error" : " errors");
    }
}
