package org.jacobianlens.app.json;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a JSON document, in the user's terms: "line 3: `width` must be a whole number", "line 40:
 * `curves` is missing (in lanes[1].snapshot)", "the file ends at line 12 before the JSON is complete (truncated?)".
 * Built from what Jackson knows (the location, the path of fields, the Java type it wanted, the tree), never by
 * rewriting Jackson's own sentences.
 */
public final class JsonProblem {
    private JsonProblem() {
    }

    /**
     * One sentence for {@code e}.
     *
     * @param tree the document as a tree when it parsed, to tell a missing field from a wrong one; or null
     */
    public static String describe(JsonProcessingException e, JsonNode tree) {
        return describe(e, tree, -1);
    }

    /**
     * One sentence for {@code e} from a document of {@code length} bytes (or -1 when unknown): a syntax error at
     * its very end is a truncated file, whatever token was cut.
     */
    public static String describe(JsonProcessingException e, JsonNode tree, long length) {
        String at = line(e.getLocation());
        JsonLocation loc = e.getLocation();
        boolean atEnd = length > 0 && loc != null && Math.max(loc.getByteOffset(), loc.getCharOffset()) >= length - 1;
        if (e instanceof JsonEOFException || (e instanceof StreamReadException && atEnd)) {
            return "the file ends" + (at.isEmpty() ? "" : " at " + at) + " before the JSON is complete (truncated?)";
        }
        if (e instanceof StreamReadException) {
            return (at.isEmpty() ? "" : at + column(e.getLocation()) + ": ") + "not valid JSON ("
                    + firstLine(e.getOriginalMessage()) + ")";
        }
        if (!(e instanceof DatabindException d)) {
            return firstLine(e.getOriginalMessage());
        }
        List<JsonMappingException.Reference> path = ((JsonMappingException) d).getPath();
        String prefix = at.isEmpty() ? "" : at + ": ";
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            String why = cause.getMessage() == null ? "a required value is missing" : cause.getMessage();
            return prefix + why + in(path, path.size());
        }
        if (e instanceof MismatchedInputException m && !path.isEmpty() && path.get(path.size() - 1).getFieldName() != null) {
            String field = path.get(path.size() - 1).getFieldName();
            JsonNode parent = node(tree, path.subList(0, path.size() - 1));
            if (parent != null && parent.isObject() && !parent.has(field)) {
                return prefix + "`" + field + "` is missing" + in(path, path.size() - 1);
            }
            String found = found(m, parent == null ? null : parent.get(field));
            return prefix + "`" + field + "` must be " + words(m.getTargetType()) + found + in(path, path.size() - 1);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return prefix + "expected " + words(m.getTargetType()) + in(path, path.size());
        }
        return prefix + firstLine(e.getOriginalMessage()) + in(path, path.size());
    }

    /** What a value of {@code type} is called in a sentence. */
    static String words(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> "\"" + ((Enum<?>) c).name() + "\"")
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return type.isArray() && type.getComponentType().isArray() ? "a list of lists" : "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of text values";
        }
        return "an object (a group of fields in braces)";
    }

    private static String found(MismatchedInputException m, JsonNode value) {
        Object v = m instanceof InvalidFormatException f ? f.getValue() : value;
        if (v == null) {
            return "";
        }
        String text = v instanceof JsonNode n ? (n.isContainerNode() ? (n.isArray() ? "a list" : "an object")
                : n.toString()) : v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
        return ", found " + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }

    /** " (in lanes[1].config)" for the first {@code n} references, or "" at the top level. */
    private static String in(List<JsonMappingException.Reference> path, int n) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : path.subList(0, Math.min(n, path.size()))) {
            if (r.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            }
        }
        return p.length() == 0 ? "" : " (in " + p + ")";
    }

    private static JsonNode node(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode n = tree;
        for (JsonMappingException.Reference r : path) {
            if (n == null) {
                return null;
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        return n;
    }

    private static String line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr();
    }

    private static String column(JsonLocation loc) {
        return loc == null || loc.getColumnNr() < 1 ? "" : String.format(Locale.ROOT, ", column %d", loc.getColumnNr());
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable content";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
