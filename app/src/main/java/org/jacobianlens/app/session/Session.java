package org.jacobianlens.app.session;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.core.run.GroupSnapshot;

/**
 * Everything needed to reopen a piece of work: the mode, the compared knob, the preset, the view options and one
 * {@link SessionLane} per run (configuration plus, optionally, recorded results). Saved and read by
 * {@link SessionStore} as versioned JSON, so a session can be shared with a colleague or kept for the next lecture.
 *
 * @param formatVersion file format version ({@link #CURRENT_FORMAT} when written by this version)
 * @param appVersion    version of Jacobian Lens that wrote it
 * @param savedAt       when it was saved, ISO-8601 (e.g. {@code 2025-03-01T10:15:30Z})
 * @param mode          {@link #SINGLE} (exactly one lane) or {@link #COMPARE} (two or more lanes)
 * @param knob          the compared knob ({@code noise}, {@code width} or {@code learning-rate}), or {@code null}
 * @param preset        name of the lesson preset the work started from, or {@code null}
 * @param view          view options such as the cutoff or a log axis, as text (never {@code null}; may be empty)
 * @param lanes         the runs, in display order
 */
public record Session(int formatVersion, String appVersion, String savedAt, String mode, String knob, String preset,
                      Map<String, String> view, List<SessionLane> lanes) {

    /** The format this version writes and the newest it reads. */
    public static final int CURRENT_FORMAT = 1;
    public static final String SINGLE = "single";
    public static final String COMPARE = "compare";
    /** Knob names as written in the file. */
    public static final Set<String> KNOBS = Set.of("noise", "width", "learning-rate");
    /** Version of this program, from the build. */
    public static final String APP_VERSION = BuildInfo.version();

    public Session {
        if (appVersion == null || appVersion.isBlank()) {
            throw new IllegalArgumentException("the session does not say which version wrote it");
        }
        if (savedAt == null) {
            throw new IllegalArgumentException("the session has no save time");
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(savedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("save time '" + savedAt + "' is not an ISO-8601 date and time");
        }
        if (!SINGLE.equals(mode) && !COMPARE.equals(mode)) {
            throw new IllegalArgumentException("mode must be 'single' or 'compare', found '" + mode + "'");
        }
        if (knob != null && !KNOBS.contains(knob)) {
            throw new IllegalArgumentException("knob must be noise, width or learning-rate, found '" + knob + "'");
        }
        if (view == null) {
            throw new IllegalArgumentException("the session has no view options");
        }
        for (Map.Entry<String, String> e : view.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("view option '" + e.getKey() + "' has no value");
            }
        }
        view = Collections.unmodifiableMap(new LinkedHashMap<>(view));
        if (lanes == null || lanes.isEmpty()) {
            throw new IllegalArgumentException("the session has no lanes");
        }
        if (lanes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("the session has an empty lane");
        }
        lanes = List.copyOf(lanes);
        if (SINGLE.equals(mode) && lanes.size() != 1) {
            throw new IllegalArgumentException("a single-run session has exactly one lane, found " + lanes.size());
        }
        if (COMPARE.equals(mode) && lanes.size() < 2) {
            throw new IllegalArgumentException("a compare session has at least two lanes, found " + lanes.size());
        }
    }

    /** A session in the current format, written by this version, saved now. */
    public static Session of(String mode, String knob, String preset, Map<String, String> view,
                             List<SessionLane> lanes) {
        return new Session(CURRENT_FORMAT, APP_VERSION, Instant.now().toString(), mode, knob, preset, view, lanes);
    }

    /** The same session without recorded results (what "last settings" keeps). */
    public Session settingsOnly() {
        return new Session(formatVersion, appVersion, savedAt, mode, knob, preset, view,
                lanes.stream().map(SessionLane::withoutSnapshot).toList());
    }

    /** Whether every lane carries recorded results. */
    public boolean hasResults() {
        return lanes.stream().allMatch(l -> l.snapshot() != null);
    }

    /** The recorded results as a group (labels and snapshots in lane order), or {@code null} when settings only. */
    public GroupSnapshot recorded() {
        return hasResults() ? new GroupSnapshot(0L, lanes.stream().map(SessionLane::label).toList(),
                lanes.stream().map(SessionLane::snapshot).toList()) : null;
    }
}
