package io.vpmon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.spec.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints spec problems for people (compiler style) or as JSON. */
final class ProblemReport {
    private ProblemReport() {
    }

    static void print(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p.format());
        }
    }

    static String summary(String file, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        return file + ": " + (errors == 0 ? "valid" : "invalid, " + plural(errors, "error"))
                + (warnings > 0 ? (errors == 0 ? ", " : " and ") + plural(warnings, "warning") : "");
    }

    static ObjectNode json(String file, List<Problem> problems) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        long errors = problems.stream().filter(Problem::isError).count();
        root.put("file", file);
        root.put("valid", errors == 0);
        root.put("errors", errors);
        root.put("warnings", problems.size() - errors);
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode o = list.addObject();
            o.put("severity", p.severity().label());
            o.put("file", p.location().file());
            o.put("line", p.location().line());
            o.put("column", p.location().column());
            o.put("message", p.message());
            if (p.hint() != null) {
                o.put("hint", p.hint());
            }
        }
        return root;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
