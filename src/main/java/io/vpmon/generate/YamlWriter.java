package io.vpmon.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.Map;

/**
 * Serialises generated trees as YAML the way Prometheus users write it: no document marker,
 * minimal quoting, multi-line PromQL as literal blocks, lines never folded. A comment header
 * says where the file came from.
 */
final class YamlWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private YamlWriter() {
    }

    static String write(JsonNode tree, List<String> headerLines) {
        StringBuilder sb = new StringBuilder();
        for (String line : headerLines) {
            sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        try {
            return sb.append(MAPPER.writeValueAsString(tree)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise generated YAML", e);
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
