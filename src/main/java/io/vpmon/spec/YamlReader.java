package io.vpmon.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a Jackson tree while recording where every key and value is
 * written. Anchors, aliases and {@code <<} merge keys are resolved here, under a node budget, so
 * an alias bomb ("billion laughs") is refused after a few microseconds instead of filling the
 * heap. Never throws for bad input: every problem is reported with its location.
 */
public final class YamlReader {
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_NODES = 200_000;
    public static final int MAX_DEPTH = 64;

    private static final String MERGE_KEY = "<<";

    /** Result: the tree (null when unreadable) and the problems met reading it. */
    public record Result(LocatedYaml yaml, List<Problem> problems) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> values = new LinkedHashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();
    private final List<Map.Entry<String, SourceLocation>> valueLog = new ArrayList<>();
    private final Map<String, Anchor> anchors = new HashMap<>();
    private YAMLParser parser;
    private int nodes;

    private record Anchor(JsonNode node, int size, List<Map.Entry<String, SourceLocation>> relativeValues) {
    }

    /** Thrown inside the reader to stop at the first problem that leaves nothing to read on. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private YamlReader(String file) {
        this.file = file;
    }

    public static Result read(String file, byte[] content) {
        YamlReader reader = new YamlReader(file);
        JsonNode root = reader.readDocument(content);
        LocatedYaml yaml = root == null ? null : new LocatedYaml(file, root, reader.values, reader.keys);
        return new Result(yaml, List.copyOf(reader.problems));
    }

    private JsonNode readDocument(byte[] content) {
        if (content.length > MAX_BYTES) {
            problems.add(Problem.error(SourceLocation.startOf(file),
                    "spec is larger than " + MAX_BYTES + " bytes (4 MiB)",
                    "a vpmon spec describes one service and fits in a few kilobytes; is this the right file?"));
            return null;
        }
        String text = decode(content);
        if (text == null) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        try (YAMLParser p = factory.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = readValue("", 0);
            JsonToken next = p.nextToken();
            if (next != null) {
                problems.add(Problem.error(location(p.currentTokenLocation()),
                        "spec holds more than one YAML document",
                        "keep one document per spec file (remove the second '---')"));
            }
            return root;
        } catch (Stop stop) {
            return null;
        } catch (JacksonException e) {
            problems.add(Problem.error(location(e.getLocation()), "invalid YAML: " + firstLine(e.getOriginalMessage()),
                    "check indentation and quoting near this line"));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(SourceLocation.startOf(file), "invalid YAML: " + firstLine(e.getMessage()), null));
            return null;
        }
    }

    private String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        int control = start;
        while (control < content.length && !isControl(content[control])) {
            control++;
        }
        int invalid = firstInvalidUtf8(content, start);
        if (control < content.length && (invalid < 0 || control < invalid)) {
            problems.add(Problem.error(locationOfByte(content, start, control),
                    String.format("spec contains the control character U+%04X", content[control] & 0xFF),
                    "is this a binary file? A spec is a YAML text file"));
            return null;
        }
        if (invalid >= 0) {
            problems.add(Problem.error(locationOfByte(content, start, invalid),
                    String.format("spec is not UTF-8 text (byte 0x%02X)", content[invalid] & 0xFF),
                    "is this a binary file? A spec is a YAML text file"));
            return null;
        }
        return new String(content, start, content.length - start, StandardCharsets.UTF_8);
    }

    /** ASCII control bytes other than tab and line ends; never part of a multi-byte UTF-8 sequence. */
    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
    }

    private JsonNode readValue(String pointer, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            problems.add(Problem.error(location(parser.currentTokenLocation()),
                    "spec is nested more than " + MAX_DEPTH + " levels deep", null));
            throw new Stop();
        }
        SourceLocation at = location(parser.currentTokenLocation());
        String anchor = parser.getObjectId();
        int logStart = valueLog.size();
        int nodesBefore = nodes;
        JsonNode node;
        if (parser.isCurrentAlias()) {
            node = resolveAlias(pointer, parser.getText(), at);
        } else {
            record(pointer, at);
            countNode(at);
            node = switch (parser.currentToken()) {
                case START_OBJECT -> readObject(pointer, depth);
                case START_ARRAY -> readArray(pointer, depth);
                case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
                case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                default -> JsonNodeFactory.instance.textNode(parser.getText());
            };
        }
        if (anchor != null) {
            List<Map.Entry<String, SourceLocation>> relative = new ArrayList<>();
            for (Map.Entry<String, SourceLocation> e : valueLog.subList(logStart, valueLog.size())) {
                relative.add(Map.entry(e.getKey().substring(pointer.length()), e.getValue()));
            }
            anchors.put(anchor, new Anchor(node, nodes - nodesBefore, relative));
        }
        return node;
    }

    private JsonNode resolveAlias(String pointer, String name, SourceLocation at) {
        Anchor anchor = anchors.get(name);
        if (anchor == null) {
            problems.add(Problem.error(at, "unknown YAML alias '*" + name + "'",
                    "define the anchor '&" + name + "' before using it"));
            record(pointer, at);
            return JsonNodeFactory.instance.nullNode();
        }
        nodes += anchor.size();
        if (nodes > MAX_NODES) {
            problems.add(Problem.error(at,
                    "YAML aliases expand this spec to more than " + MAX_NODES + " nodes; refusing to read on",
                    "an alias bomb ('billion laughs')? Write the values out or use fewer nested aliases"));
            throw new Stop();
        }
        record(pointer, at);
        for (Map.Entry<String, SourceLocation> e : anchor.relativeValues()) {
            if (!e.getKey().isEmpty()) {
                record(pointer + e.getKey(), e.getValue());
            }
        }
        return anchor.node().deepCopy();
    }

    private ObjectNode readObject(String pointer, int depth) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Map<String, SourceLocation> seen = new HashMap<>();
        List<String> mergePointers = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            SourceLocation keyAt = location(parser.currentTokenLocation());
            parser.nextToken();
            String childPointer = LocatedYaml.child(pointer, name);
            if (MERGE_KEY.equals(name) && !seen.containsKey(MERGE_KEY)) {
                seen.put(name, keyAt);
                JsonNode merged = readValue(childPointer, depth + 1);
                object.set(MERGE_KEY, merged);
                mergePointers.add(childPointer);
                continue;
            }
            SourceLocation first = seen.putIfAbsent(name, keyAt);
            if (first != null) {
                problems.add(Problem.error(keyAt, "duplicate key '" + name + "' (first at line " + first.line() + ")",
                        "a YAML mapping may hold each key once; remove or rename one of them"));
                readValue(pointer + "/~dup", depth + 1);
                continue;
            }
            keys.put(childPointer, keyAt);
            object.set(name, readValue(childPointer, depth + 1));
        }
        for (String mergePointer : mergePointers) {
            applyMerge(object, pointer, mergePointer);
        }
        return object;
    }

    private void applyMerge(ObjectNode object, String pointer, String mergePointer) {
        JsonNode source = object.remove(MERGE_KEY);
        List<String> sourcePointers = new ArrayList<>();
        List<JsonNode> sources = new ArrayList<>();
        if (source.isObject()) {
            sources.add(source);
            sourcePointers.add(mergePointer);
        } else if (source.isArray()) {
            for (int i = 0; i < source.size(); i++) {
                sources.add(source.get(i));
                sourcePointers.add(LocatedYaml.child(mergePointer, i));
            }
        }
        for (int s = 0; s < sources.size(); s++) {
            JsonNode map = sources.get(s);
            if (!map.isObject()) {
                problems.add(Problem.error(valueLocation(sourcePointers.get(s)),
                        "a '<<' merge key needs a mapping (or a list of mappings) to merge", null));
                continue;
            }
            var fields = map.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (object.has(field.getKey())) {
                    continue;
                }
                object.set(field.getKey(), field.getValue());
                String from = LocatedYaml.child(sourcePointers.get(s), field.getKey());
                String to = LocatedYaml.child(pointer, field.getKey());
                for (Map.Entry<String, SourceLocation> e : List.copyOf(values.entrySet())) {
                    if (e.getKey().equals(from) || e.getKey().startsWith(from + "/")) {
                        values.put(to + e.getKey().substring(from.length()), e.getValue());
                    }
                }
                keys.put(to, valueLocation(from));
            }
        }
    }

    private ArrayNode readArray(String pointer, int depth) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(LocatedYaml.child(pointer, index++), depth + 1));
        }
        return array;
    }

    private void record(String pointer, SourceLocation at) {
        values.putIfAbsent(pointer, at);
        valueLog.add(Map.entry(pointer, at));
    }

    private void countNode(SourceLocation at) {
        if (++nodes > MAX_NODES) {
            problems.add(Problem.error(at, "spec has more than " + MAX_NODES + " YAML nodes; refusing to read on", null));
            throw new Stop();
        }
    }

    private SourceLocation valueLocation(String pointer) {
        SourceLocation loc = values.get(pointer);
        return loc != null ? loc : SourceLocation.startOf(file);
    }

    private SourceLocation location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return SourceLocation.startOf(file);
        }
        return new SourceLocation(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private SourceLocation locationOfByte(byte[] content, int start, int offset) {
        int line = 1;
        int column = 1;
        for (int i = start; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
                column = 1;
            } else if ((content[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    private static int firstInvalidUtf8(byte[] content, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
