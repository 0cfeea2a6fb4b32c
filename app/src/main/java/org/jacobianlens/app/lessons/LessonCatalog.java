package org.jacobianlens.app.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.jacobianlens.app.json.Json;

/** The lesson presets bundled in {@code resources/presets/lessons.json}, in menu order. */
public final class LessonCatalog {
    private static final String RESOURCE = "/presets/lessons.json";

    private LessonCatalog() {
    }

    public static List<Lesson> all() {
        try (InputStream in = LessonCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lesson presets " + RESOURCE + " are missing from the build");
            }
            // The presets are ours: a misspelt key is a bug to report, not a newer file to tolerate.
            return List.copyOf(Json.MAPPER.readerFor(new TypeReference<List<Lesson>>() { })
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).<List<Lesson>>readValue(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the lesson presets: " + e.getMessage(), e);
        }
    }

    public static Lesson byId(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lesson '" + id + "'"));
    }
}
