package io.vpmon.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML document as a Jackson tree, with the source location of every key and value,
 * addressed by JSON pointer ({@code /targets/0/job}).
 */
public final class LocatedYaml {
    private final String file;
    private final JsonNode root;
    private final Map<String, SourceLocation> values;
    private final Map<String, SourceLocation> keys;

    LocatedYaml(String file, JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {
        this.file = file;
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the value at this pointer starts; for a missing value, where its nearest parent starts. */
    public SourceLocation valueAt(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation loc = values.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return SourceLocation.startOf(file);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of this mapping member is written; falls back to its value. */
    public SourceLocation keyAt(String pointer) {
        SourceLocation loc = keys.get(pointer);
        return loc != null ? loc : valueAt(pointer);
    }

    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** A pointer as people read it in messages: {@code targets[0].job}. */
    public static String display(String pointer) {
        if (pointer.isEmpty()) {
            return "(top level)";
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String s = segment.replace("~1", "/").replace("~0", "~");
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
