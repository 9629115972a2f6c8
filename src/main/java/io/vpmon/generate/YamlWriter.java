package io.vpmon.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Serialises generated trees as YAML the way Prometheus users write it: no document marker,
 * minimal quoting, multi-line PromQL as literal blocks, lines never folded. A comment header
 * says where the file came from.
 */
final class YamlWriter {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private YamlWriter() {
    }

    static String write(JsonNode tree, List<String> headerLines) {
        StringWriter out = new StringWriter();
        for (String line : headerLines) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            emit(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise generated YAML", e);
        }
        return out.toString();
    }

    /**
     * Walks the tree straight into the YAML generator: an ObjectMapper would do the same after
     * building its serializer machinery, which costs more start-up time than the whole walk.
     */
    private static void emit(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                generator.writeFieldName(field.getKey());
                emit(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                emit(generator, element);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isIntegralNumber()) {
            generator.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            generator.writeNumber(node.doubleValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else {
            generator.writeNull();
        }
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A mapping of string labels in the order given (callers pass sorted maps for stable output). */
    static ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = object();
        labels.forEach(node::put);
        return node;
    }
}
