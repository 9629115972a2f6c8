package io.vpmon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.ExitCode;
import io.vpmon.alert.RouteLookup;
import io.vpmon.spec.LabelMatchers;
import io.vpmon.spec.Spec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "routes",
        description = "Show which receivers an alert with these labels reaches, from the spec alone (the same answer as"
                + " 'amtool config routes test' on the generated alertmanager.yml).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon alert routes -f vpmon.yaml alertname=ServiceUnavailable severity=critical",
            "  vpmon alert routes -f vpmon.yaml --alert AccuracyDegradation     # the labels its rule gives it",
            "  vpmon alert routes -f vpmon.yaml severity=medium --output json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK, ExitCodes.USAGE})
final class AlertRoutesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    SpecOption specOption;

    @Option(names = "--alert", paramLabel = "NAME",
            description = "Start from the labels the spec's rule NAME gives its alerts; LABEL=VALUE pairs add or override.")
    String alert;

    @Parameters(paramLabel = "LABEL=VALUE", arity = "0..*", description = "The alert's labels.")
    List<String> pairs = List.of();

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (alert == null && pairs.isEmpty()) {
            throw new ParameterException(command.commandLine(), "give the alert's labels as LABEL=VALUE, or --alert NAME");
        }
        Map<String, String> given = labels();
        Spec spec = specOption.load(err);
        Map<String, String> labels = new TreeMap<>(alert != null ? RouteLookup.alertLabels(spec, alert) : Map.of());
        labels.putAll(given);
        RouteLookup.Answer answer = RouteLookup.lookup(spec, labels);
        if (output.json()) {
            Json.print(out, json(answer));
        } else {
            print(out, answer);
        }
        return ExitCode.OK;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = eq > 0 ? pair.substring(0, eq) : "";
            if (!LabelMatchers.LABEL_NAME.matcher(name).matches()) {
                throw new ParameterException(command.commandLine(), "invalid label '" + pair + "': write LABEL=VALUE,"
                        + " e.g. severity=critical");
            }
            String value = pair.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            labels.put(name, value);
        }
        return labels;
    }

    private static void print(PrintWriter out, RouteLookup.Answer answer) {
        String labels = String.join(" ", answer.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        if (answer.unrouted()) {
            out.println(labels + " reaches no receiver: no route matches, so it goes to the silent catch-all");
            return;
        }
        out.println(labels + " reaches " + answer.receivers().size() + " receiver"
                + (answer.receivers().size() == 1 ? "" : "s") + ":");
        AlertTable table = new AlertTable("RECEIVER", "NOTIFIES", "GROUP_BY", "WAIT", "INTERVAL", "REPEAT", "FROM");
        for (RouteLookup.Reach r : answer.receivers()) {
            table.row(r.receiver(), r.integrations(), String.join(",", r.groupBy()), r.groupWait().text(),
                    r.groupInterval().text(), r.repeatInterval().text(), r.why());
        }
        table.print(out);
    }

    private static ObjectNode json(RouteLookup.Answer answer) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode labels = root.putObject("labels");
        answer.labels().forEach(labels::put);
        ArrayNode receivers = root.putArray("receivers");
        for (RouteLookup.Reach r : answer.receivers()) {
            ObjectNode o = receivers.addObject();
            o.put("name", r.receiver());
            o.put("notifies", r.integrations());
            r.groupBy().forEach(o.putArray("group_by")::add);
            o.put("group_wait", r.groupWait().text());
            o.put("group_interval", r.groupInterval().text());
            o.put("repeat_interval", r.repeatInterval().text());
            o.put("from", r.why());
        }
        return root;
    }
}
