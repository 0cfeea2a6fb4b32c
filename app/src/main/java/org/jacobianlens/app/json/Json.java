package org.jacobianlens.app.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jacobianlens.core.sweep.SweepPoint;

/**
 * The program's one JSON mapper, for sessions, settings, lesson presets, run.json and sweep.json alike.
 *
 * <ul>
 *   <li>Doubles round-trip bit for bit; NaN and ±Infinity are written as the strings {@code "NaN"},
 *       {@code "Infinity"}, {@code "-Infinity"} and read back, so every file stays valid JSON.</li>
 *   <li>Reading is strict where a silent guess would load something else than was saved: a duplicate key, a
 *       missing record field, a null for a number, a fraction for a whole number, a
 *       number for true/false, text for a number and text after the document are
 *       errors ({@link JsonProblem} words them for the user). Unknown fields are ignored, so a newer file with an
 *       extra field still opens.</li>
 *   <li>Records are written with their components in declaration order, indented.</li>
 *   <li>Field names are the records' own (camelCase) except where a record asks for snake_case with
 *       {@code @JsonNaming}; core's records cannot carry Jackson annotations (core does not depend on Jackson),
 *       so the ones written as snake_case get theirs through a mix-in here.</li>
 * </ul>
 */
public final class Json {
    /** The mapper. Thread-safe once configured, as Jackson's mappers are; never reconfigure it. */
    public static final ObjectMapper MAPPER = build();

    private Json() {
    }

    /** Sweep points are columns of sweep.csv and rows of sweep.json, both in snake_case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private interface SnakeCase {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // No guessing between kinds: 3 is not true, "5" is not 5 (the strings "NaN" and "Infinity" still
                // read as numbers, which is how they are written).
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer,
                        CoercionAction.Fail).setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail))
                .addMixIn(SweepPoint.class, SnakeCase.class)
                .build();
    }
}
