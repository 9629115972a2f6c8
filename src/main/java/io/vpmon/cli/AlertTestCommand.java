package io.vpmon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.ExitCode;
import io.vpmon.alert.AlertSelection;
import io.vpmon.alert.AlertTest;
import io.vpmon.generate.GeneratedAlert;
import io.vpmon.prom.AlertmanagerClient;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "test",
        description = {"Fire test alerts built from the spec's rules at a running Alertmanager, check that each is routed"
                + " to exactly the receivers the spec promises, keep it firing until its group_wait has passed so"
                + " Alertmanager notifies them, then resolve it.",
            "Test alerts carry vpmon_test=\"true\" and say so in every message. They really notify: a critical one"
                + " pages on-call."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon alert test -f vpmon.yaml --alertmanager http://localhost:9093          # first alert of each tier",
            "  vpmon alert test -f vpmon.yaml --alertmanager http://localhost:9093 --all --ack",
            "  vpmon alert test -f vpmon.yaml --alertmanager https://am.example/ --severity high \\",
            "      --user ci --password-file /run/secrets/am-password --output json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every test alert was routed as the spec promises (and, with --ack, suppressed by its silence)",
            "1:an alert was routed elsewhere, muted, not seen, or not suppressed by its silence",
            ExitCodes.USAGE, ExitCodes.UNAVAILABLE})
final class AlertTestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    SpecOption specOption;

    @Mixin
    AlertmanagerOptions alertmanager;

    @ArgGroup(exclusive = true)
    Selection selection;

    static final class Selection {
        @Option(names = "--alert", paramLabel = "NAME", split = ",", required = true,
                description = "Test these alerts (repeatable or comma-separated).")
        List<String> names;

        @Option(names = "--severity", paramLabel = "SEVERITY", required = true,
                description = "Test every alert of one tier: critical, high or medium.")
        Severity severity;

        @Option(names = "--all", required = true, description = "Test every alert in the spec.")
        boolean all;
    }

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long each request and each check may take. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--keep", description = "Leave the test alerts firing (Alertmanager resolves them after its"
            + " resolve_timeout) and do not wait for the notifications.")
    boolean keep;

    @Option(names = "--ack", description = "After the notifications went out, silence each test alert, check that"
            + " Alertmanager reports it suppressed, then expire the silence.")
    boolean ack;

    @Mixin
    OutputOption output;

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            PromDuration d = PromDuration.tryParse(value).filter(p -> !p.isZero())
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a duration above zero such as 10s"));
            return Duration.ofMillis(d.millis());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Spec spec = specOption.load(err);
        List<GeneratedAlert> alerts = AlertSelection.select(GeneratedAlert.of(spec),
                selection != null && selection.names != null ? selection.names : List.of(),
                selection != null ? selection.severity : null, selection != null && selection.all);
        AlertTest.Result result;
        try (AlertmanagerClient client = new AlertmanagerClient(alertmanager.config(timeout))) {
            result = new AlertTest(client, line -> {
                err.println(line);
                err.flush();
            }).run(new AlertTest.Request(spec, alerts, timeout, keep, ack));
        }
        if (output.json()) {
            Json.print(out, json(result));
        } else {
            print(out, result);
        }
        return result.allAsExpected() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private void print(PrintWriter out, AlertTest.Result result) {
        AlertTable table = ack
                ? new AlertTable("ALERT", "SEVERITY", "EXPECTED", "SEEN", "VERDICT", "TIME", "ACK")
                : new AlertTable("ALERT", "SEVERITY", "EXPECTED", "SEEN", "VERDICT", "TIME");
        for (AlertTest.Outcome o : result.outcomes()) {
            String expected = String.join(",", o.expected());
            String seen = o.seen().isEmpty() ? "-" : String.join(",", o.seen());
            String time = millis(o.took());
            if (ack) {
                String ackCell = o.ack() == null ? "-" : (o.ack().suppressed() ? "suppressed" : "NOT suppressed")
                        + " in " + millis(o.ack().took());
                table.row(o.alert(), o.severity().label(), expected, seen, o.verdict().label(), time, ackCell);
            } else {
                table.row(o.alert(), o.severity().label(), expected, seen, o.verdict().label(), time);
            }
        }
        table.print(out);
        for (AlertTest.Outcome o : result.outcomes()) {
            if (!o.detail().isEmpty()) {
                out.println(o.alert() + ": " + o.detail());
            }
            if (o.ack() != null && !o.ack().suppressed()) {
                out.println(o.alert() + ": " + o.ack().detail());
            }
        }
        long good = result.outcomes().stream().filter(AlertTest.Outcome::asExpected).count();
        out.println(good + " of " + result.outcomes().size() + " test alerts as the spec promises"
                + (result.resolved() ? "; resolved" : "; left firing"));
    }

    private ObjectNode json(AlertTest.Result result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("alertmanager", alertmanager.url);
        root.put("version", result.alertmanagerVersion());
        root.put("as_expected", result.allAsExpected());
        root.put("resolved", result.resolved());
        ArrayNode list = root.putArray("alerts");
        for (AlertTest.Outcome o : result.outcomes()) {
            ObjectNode a = list.addObject();
            a.put("alert", o.alert());
            a.put("severity", o.severity().label());
            o.expected().forEach(a.putArray("expected")::add);
            o.seen().forEach(a.putArray("seen")::add);
            a.put("verdict", o.verdict().label());
            a.put("detail", o.detail());
            a.put("took_ms", o.took().toMillis());
            if (o.ack() != null) {
                ObjectNode ackNode = a.putObject("ack");
                ackNode.put("suppressed", o.ack().suppressed());
                ackNode.put("detail", o.ack().detail());
                ackNode.put("took_ms", o.ack().took().toMillis());
            }
        }
        return root;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
