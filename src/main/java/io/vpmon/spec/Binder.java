package io.vpmon.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a located YAML tree onto the spec records, collecting every type error, unknown key and
 * missing key with its location instead of stopping at the first. Keys are the record component
 * names in snake_case unless {@link SpecKey} says otherwise. Missing optional values bind to null;
 * the records' constructors fill in defaults.
 */
final class Binder {
    private final LocatedYaml yaml;
    private final List<Problem> problems;

    Binder(LocatedYaml yaml, List<Problem> problems) {
        this.yaml = yaml;
        this.problems = problems;
    }

    <T> T bindRoot(Class<T> type) {
        return type.cast(bind(yaml.root(), "", type));
    }

    static String keyOf(RecordComponent component) {
        SpecKey key = component.getAnnotation(SpecKey.class);
        return key != null ? key.value() : snakeCase(component.getName());
    }

    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The YAML spelling of an enum constant: lower case, e.g. ERROR_RATE → error_rate. */
    static String enumName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private Object bind(JsonNode node, String pointer, Type type) {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (raw == JsonNode.class) {
            return node;
        }
        if (raw == String.class) {
            return bindString(node, pointer);
        }
        if (raw == Integer.class || raw == int.class) {
            return bindInteger(node, pointer);
        }
        if (raw == Double.class || raw == double.class) {
            return bindDouble(node, pointer);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return bindBoolean(node, pointer);
        }
        if (raw == PromDuration.class) {
            return bindDuration(node, pointer);
        }
        if (raw == Threshold.class) {
            return bindThreshold(node, pointer);
        }
        if (raw.isEnum()) {
            return bindEnum(node, pointer, raw);
        }
        if (raw == List.class) {
            return bindList(node, pointer, typeArgument(type, 0));
        }
        if (raw == Map.class) {
            return bindMap(node, pointer, typeArgument(type, 0), typeArgument(type, 1));
        }
        if (raw.isRecord()) {
            return bindRecord(node, pointer, raw);
        }
        throw new IllegalStateException("spec type not bindable: " + type);
    }

    private String bindString(JsonNode node, String pointer) {
        if (node.isValueNode()) {
            return node.asText();
        }
        return mismatch(pointer, "a string", node);
    }

    private Integer bindInteger(JsonNode node, String pointer) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            error(pointer, "number " + node.asText() + " is too large", null);
            return null;
        }
        return mismatch(pointer, "a whole number", node);
    }

    private Double bindDouble(JsonNode node, String pointer) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return mismatch(pointer, "a number", node);
    }

    private Boolean bindBoolean(JsonNode node, String pointer) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && Set.of("yes", "no", "on", "off", "y", "n")
                .contains(node.asText().toLowerCase(Locale.ROOT))) {
            error(pointer, display(pointer) + " must be true or false, got '" + node.asText() + "'",
                    "write true or false (YAML 1.2 reads yes/no/on/off as text)");
            return null;
        }
        return mismatch(pointer, "true or false", node);
    }

    private PromDuration bindDuration(JsonNode node, String pointer) {
        if (node.isNumber()) {
            error(pointer, "invalid duration " + node.asText() + " for " + display(pointer) + ": a duration needs a unit",
                    "did you mean '" + node.asText() + "s'? " + PromDuration.HINT);
            return null;
        }
        if (!node.isTextual()) {
            return mismatch(pointer, "a duration such as 5m", node);
        }
        Optional<PromDuration> parsed = PromDuration.tryParse(node.asText());
        if (parsed.isEmpty()) {
            error(pointer, "invalid duration '" + node.asText() + "' for " + display(pointer), PromDuration.HINT);
            return null;
        }
        return parsed.get();
    }

    private Threshold bindThreshold(JsonNode node, String pointer) {
        if (node.isNumber()) {
            return new Threshold(node.asText(), node.doubleValue(), Threshold.Form.NUMBER);
        }
        if (node.isTextual()) {
            Optional<Threshold> parsed = Threshold.parse(node.asText());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        error(pointer, "invalid threshold '" + node.asText() + "' for " + display(pointer),
                "a threshold is a number (0.05), a percentage ('5%') or a duration ('10s')");
        return null;
    }

    private Object bindEnum(JsonNode node, String pointer, Class<?> type) {
        if (!node.isTextual()) {
            return mismatch(pointer, "one of " + enumNames(type), node);
        }
        String text = node.asText();
        for (Object constant : type.getEnumConstants()) {
            if (enumName((Enum<?>) constant).equals(text)) {
                return constant;
            }
        }
        error(pointer, "unknown value '" + text + "' for " + display(pointer), DidYouMean.hint(text, enumNames(type)));
        return null;
    }

    private List<Object> bindList(JsonNode node, String pointer, Type elementType) {
        if (!node.isArray()) {
            return mismatch(pointer, "a list", node);
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Object element = bind(node.get(i), LocatedYaml.child(pointer, i), elementType);
            if (element != null) {
                list.add(element);
            } else if (node.get(i).isNull()) {
                error(LocatedYaml.child(pointer, i), "empty entry in " + display(pointer), "remove the empty '-' line");
            }
        }
        return list;
    }

    private Map<Object, Object> bindMap(JsonNode node, String pointer, Type keyType, Type valueType) {
        if (!node.isObject()) {
            return mismatch(pointer, "a mapping", node);
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String childPointer = LocatedYaml.child(pointer, field.getKey());
            Object key = bindMapKey(field.getKey(), childPointer, rawClass(keyType));
            Object value = bind(field.getValue(), childPointer, valueType);
            if (key != null && value != null) {
                map.put(key, value);
            }
        }
        return map;
    }

    private Object bindMapKey(String key, String pointer, Class<?> keyType) {
        if (keyType == String.class) {
            return key;
        }
        for (Object constant : keyType.getEnumConstants()) {
            if (enumName((Enum<?>) constant).equals(key)) {
                return constant;
            }
        }
        problems.add(Problem.error(yaml.keyAt(pointer), "unknown key '" + key + "' in " + display(parentOf(pointer)),
                DidYouMean.hint(key, enumNames(keyType))));
        return null;
    }

    private Object bindRecord(JsonNode node, String pointer, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        if (!node.isObject()) {
            Optional<Integer> shorthand = shorthandIndex(components);
            if (node.isValueNode() && shorthand.isPresent()) {
                args[shorthand.get()] = bind(node, pointer, components[shorthand.get()].getGenericType());
                return construct(type, components, args);
            }
            return mismatch(pointer, "a mapping with keys " + String.join(", ", keys(components)), node);
        }
        List<String> known = keys(components);
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                unknownKey(pointer, name, known);
            }
        }
        for (int i = 0; i < components.length; i++) {
            String key = keyOf(components[i]);
            String childPointer = LocatedYaml.child(pointer, key);
            JsonNode child = node.get(key);
            args[i] = bind(child, childPointer, components[i].getGenericType());
            boolean missing = child == null || child.isNull() || (child.isTextual() && child.asText().isBlank());
            boolean givenInline = key.endsWith("_file") && node.has(key.substring(0, key.length() - "_file".length()));
            if (components[i].isAnnotationPresent(Required.class) && missing && !givenInline) {
                if (child == null) {
                    error(pointer, "missing required key '" + key + "' in " + display(pointer), null);
                } else {
                    error(childPointer, display(childPointer) + " must not be empty", null);
                }
            }
        }
        return construct(type, components, args);
    }

    private void unknownKey(String pointer, String name, List<String> known) {
        String childPointer = LocatedYaml.child(pointer, name);
        SourceLocation at = yaml.keyAt(childPointer);
        if (known.contains(name + "_file")) {
            problems.add(Problem.error(at, "'" + name + "' would put a secret in the spec",
                    "reference it by file instead: " + name + "_file: /path/to/secret"));
            return;
        }
        problems.add(Problem.error(at, "unknown key '" + name + "' in " + display(pointer), DidYouMean.hint(name, known)));
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("spec record " + type.getSimpleName() + " rejected its values", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("spec record " + type.getSimpleName() + " cannot be built", e);
        }
    }

    private static Optional<Integer> shorthandIndex(RecordComponent[] components) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].isAnnotationPresent(Shorthand.class)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(RecordComponent[] components) {
        return Arrays.stream(components).map(Binder::keyOf).toList();
    }

    static List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> enumName((Enum<?>) c)).toList();
    }

    private <T> T mismatch(String pointer, String expected, JsonNode got) {
        error(pointer, display(pointer) + " must be " + expected + ", got " + describe(got), null);
        return null;
    }

    private void error(String pointer, String message, String hint) {
        problems.add(Problem.error(yaml.valueAt(pointer), message, hint));
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.asText();
    }

    private static String display(String pointer) {
        return LocatedYaml.display(pointer);
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported spec type " + type);
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

}
