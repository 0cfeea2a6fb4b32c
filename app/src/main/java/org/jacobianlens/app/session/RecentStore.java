package org.jacobianlens.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.json.Json;

/**
 * The program's memory between launches: the recently opened or saved session files (most recent first) and the
 * settings in use when it last closed. Kept in {@code recent.json} and {@code last-settings.json} of one folder;
 * writes are atomic and a damaged or missing file is treated as empty, never as an error that stops the program.
 */
public final class RecentStore {
    /** How many recent sessions are kept. */
    public static final int LIMIT = 10;
    static final String RECENT_FILE = "recent.json";
    static final String SETTINGS_FILE = "last-settings.json";
    private static final String RECENT_FORMAT = "jacobian-lens-recent";

    private final Path dir;

    public RecentStore(Path dir) {
        this.dir = dir;
    }

    /** System property that moves the store (what {@code --config-dir} sets; tests point it at a scratch folder). */
    public static final String HOME_PROPERTY = ConfigLocation.PROPERTY;

    /**
     * The store in this user's configuration folder ({@link ConfigLocation}: {@code --config-dir},
     * {@code $XDG_CONFIG_HOME/jacobian-lens}, {@code ~/.config/jacobian-lens}), after taking over the settings of
     * an older version's {@code ~/.jacobian-lens} once.
     */
    public static RecentStore inHomeFolder() {
        ConfigLocation where = ConfigLocation.current();
        where.migrate(System.err);
        return new RecentStore(where.dir());
    }

    public Path dir() {
        return dir;
    }

    /** Recent session files, most recent first, without duplicates and without files that no longer exist. */
    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (Path p : stored()) {
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Puts {@code session} first in the recent list (moving it up if already there), keeping at most {@link #LIMIT}. */
    public void remember(Path session) throws IOException {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(normal(session));
        paths.addAll(recent());
        writeRecent(paths.stream().limit(LIMIT).toList());
    }

    /** Removes {@code session} from the recent list (for example after it failed to open). */
    public void forget(Path session) throws IOException {
        Path gone = normal(session);
        writeRecent(stored().stream().filter(p -> !p.equals(gone)).toList());
    }

    /** Keeps the settings of {@code session} (its recorded results are dropped) for the next launch. */
    public void saveLastSettings(Session session) throws IOException {
        byte[] json = SessionStore.toJson(session.settingsOnly());
        AtomicFiles.write(dir.resolve(SETTINGS_FILE), out -> out.write(json));
    }

    /** The settings kept by {@link #saveLastSettings}, or empty when there are none or the file is unreadable. */
    public Optional<Session> lastSettings() {
        Path file = dir.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionStore.fromJson(Files.readAllBytes(file), file.toString()).settingsOnly());
        } catch (SessionException | IOException e) {
            return Optional.empty();
        }
    }

    /** Paths as stored (normalized, de-duplicated, at most {@link #LIMIT}); empty when the file is missing or damaged. */
    private List<Path> stored() {
        Path file = dir.resolve(RECENT_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            // Read as a tree, not as a RecentList: a damaged store keeps whatever entries are still good.
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("sessions");
            if (!RECENT_FORMAT.equals(root == null ? null : root.path("format").asText(null))
                    || list == null || !list.isArray()) {
                return List.of();
            }
            Set<Path> paths = new LinkedHashSet<>();
            for (JsonNode e : list) {
                if (e.isTextual() && !e.asText().isBlank()) {
                    try {
                        paths.add(normal(Path.of(e.asText())));
                    } catch (InvalidPathException ignored) {
                        // an entry this system cannot name is skipped, like a missing file
                    }
                }
            }
            return paths.stream().limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void writeRecent(List<Path> paths) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(new RecentList(RECENT_FORMAT, 1,
                paths.stream().map(Path::toString).toList()));
        AtomicFiles.write(dir.resolve(RECENT_FILE), out -> out.write(json));
    }

    /** {@code recent.json}: the format marker, its version and the session paths, most recent first. */
    record RecentList(String format, int version, List<String> sessions) {
        RecentList {
            if (!RECENT_FORMAT.equals(format)) {
                throw new IllegalArgumentException("not a list of recent sessions");
            }
            if (sessions == null) {
                throw new IllegalArgumentException("no sessions");
            }
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
