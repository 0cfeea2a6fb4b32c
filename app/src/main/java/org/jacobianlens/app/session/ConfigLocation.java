package org.jacobianlens.app.session;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the program keeps its settings and recent sessions, in this order:
 * <ol>
 *   <li>the folder named by {@code --config-dir} or {@code -Djacobianlens.home} (the tests' scratch store);</li>
 *   <li>{@code $XDG_CONFIG_HOME/jacobian-lens} when that variable holds an absolute path (XDG Base Directory);</li>
 *   <li>{@code $HOME/.config/jacobian-lens}.</li>
 * </ol>
 * {@code XDG_CONFIG_HOME} and {@code HOME} are read from the environment: Java's {@code user.home} comes from the
 * password database, so {@code HOME=/elsewhere} would not move it (it is only the fallback when HOME is unset).
 * Settings an older version kept in {@code ~/.jacobian-lens} are copied over once, with a line saying so.
 *
 * @param dir    the folder to use
 * @param legacy the old folder to take settings from once, or null when the location was given explicitly
 */
public record ConfigLocation(Path dir, Path legacy) {
    /** System property that names the folder (what {@code --config-dir} sets; tests point it at a scratch folder). */
    public static final String PROPERTY = "jacobianlens.home";
    private static final String NAME = "jacobian-lens";
    private static final List<String> FILES = List.of(RecentStore.RECENT_FILE, RecentStore.SETTINGS_FILE);

    public ConfigLocation {
        if (dir == null) {
            throw new IllegalArgumentException("a configuration folder is needed");
        }
    }

    /** The location for an explicit folder (or null), an environment and Java's user.home. */
    public static ConfigLocation resolve(String explicit, Map<String, String> env, String userHome) {
        if (explicit != null && !explicit.isBlank()) {
            return new ConfigLocation(Path.of(explicit), null);
        }
        String homeVar = env.get("HOME");
        Path home = Path.of(homeVar != null && !homeVar.isBlank() ? homeVar : userHome);
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return new ConfigLocation(base.resolve(NAME), home.resolve("." + NAME));
    }

    /** This process's location: the property, the environment, user.home. */
    public static ConfigLocation current() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /**
     * Copies the settings of the old folder into the new one, once: when the new folder does not exist yet and the
     * old one has any. Says so on {@code notes}. A copy that fails is reported and otherwise ignored (the
     * program then starts with its defaults, as on a first launch).
     */
    public void migrate(PrintStream notes) {
        if (legacy == null || Files.exists(dir) || !Files.isDirectory(legacy)) {
            return;
        }
        try {
            boolean any = false;
            for (String f : FILES) {
                Path old = legacy.resolve(f);
                if (Files.isRegularFile(old)) {
                    Files.createDirectories(dir);
                    Files.copy(old, dir.resolve(f));
                    any = true;
                }
            }
            if (any) {
                notes.println("jacobian-lens: took the settings and recent sessions from " + legacy + "; they are "
                        + "kept in " + dir + " from now on (" + legacy + " can be deleted)");
            }
        } catch (IOException e) {
            notes.println("jacobian-lens: could not take the settings from " + legacy + " (" + e.getMessage()
                    + "); starting with the defaults");
        }
    }
}
