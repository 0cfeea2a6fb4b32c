package org.jacobianlens.app.session;

import static org.jacobianlens.app.session.SessionFixtures.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentStoreTest {

    @Test
    void keepsTheMostRecentFirstWithoutDuplicates(@TempDir Path dir) throws IOException {
        RecentStore store = new RecentStore(dir.resolve("store"));
        assertEquals(List.of(), store.recent());
        Path a = touch(dir, "a.json");
        Path b = touch(dir, "b.json");
        Path c = touch(dir, "c.json");
        store.remember(a);
        store.remember(b);
        store.remember(c);
        assertEquals(List.of(c, b, a), store.recent());
        store.remember(dir.resolve("sub/../a.json")); // the same file, spelled differently
        assertEquals(List.of(a, c, b), store.recent());
        assertEquals(List.of(a, c, b), new RecentStore(dir.resolve("store")).recent(), "read back from disk");
        store.forget(c);
        assertEquals(List.of(a, b), store.recent());
    }

    @Test
    void keepsAtMostTenAndDropsFilesThatAreGone(@TempDir Path dir) throws IOException {
        RecentStore store = new RecentStore(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            files.add(touch(dir, "s" + i + ".json"));
            store.remember(files.get(i));
        }
        List<Path> expected = new ArrayList<>();
        for (int i = 12; i >= 3; i--) {
            expected.add(files.get(i));
        }
        assertEquals(RecentStore.LIMIT, store.recent().size());
        assertEquals(expected, store.recent());

        Files.delete(files.get(7));
        expected.remove(files.get(7));
        assertEquals(expected, store.recent());
        Files.delete(files.get(12));
        store.remember(files.get(0)); // the oldest comes back at the front
        expected.remove(files.get(12));
        expected.add(0, files.get(0));
        assertEquals(expected, store.recent());
    }

    @Test
    void aDamagedStoreIsTreatedAsEmpty(@TempDir Path dir) throws IOException {
        RecentStore store = new RecentStore(dir);
        Path a = touch(dir, "a.json");
        for (String junk : new String[] {"{\"format\": \"jacobian-lens-recent\", \"sessions\": [\"" , "\u0000\u0001garbage",
            "[\"" + a + "\"]", "{\"format\": \"other\", \"sessions\": [\"" + a + "\"]}",
            "{\"format\": \"jacobian-lens-recent\", \"sessions\": 5}"}) {
            Files.writeString(dir.resolve("recent.json"), junk);
            assertEquals(List.of(), store.recent(), junk);
        }
        Files.writeString(dir.resolve("recent.json"),
                "{\"format\": \"jacobian-lens-recent\", \"sessions\": [17, \"\", \"" + a + "\"]}");
        assertEquals(List.of(a), store.recent(), "bad entries are skipped, good ones kept");
        Files.writeString(dir.resolve("recent.json"), "garbage");
        store.remember(a);
        assertEquals(List.of(a), store.recent(), "remembering repairs the file");
    }

    @Test
    void lastSettingsKeepTheSettingsWithoutResults(@TempDir Path dir) throws IOException {
        RecentStore store = new RecentStore(dir.resolve("deeper/store"));
        assertTrue(store.lastSettings().isEmpty());
        Session s = SessionFixtures.compareSession();
        store.saveLastSettings(s);
        Session back = store.lastSettings().orElseThrow();
        assertDeepEquals("settings", s.settingsOnly(), back);
        assertNull(back.lanes().get(0).snapshot());
        assertEquals(s.lanes().get(0).config(), back.lanes().get(0).config());
        assertFalse(Files.readString(store.dir().resolve("last-settings.json")).contains("\"frames\""));
        try (Stream<Path> files = Files.list(store.dir())) {
            assertEquals(List.of(store.dir().resolve("last-settings.json")), files.toList(), "no temporary files");
        }

        Files.write(store.dir().resolve("last-settings.json"), "{\"format\": \"jacobian-lens-session\", \"formatVe"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(store.lastSettings().isEmpty(), "a truncated file is ignored");
    }

    @Test
    void theStoreIsFoundInTheDocumentedOrder() {
        Map<String, String> both = Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "/cfg");
        assertEquals(Path.of("/given"), ConfigLocation.resolve("/given", both, "/pw").dir(), "--config-dir first");
        assertNull(ConfigLocation.resolve("/given", both, "/pw").legacy(), "nothing taken over then");
        assertEquals(Path.of("/cfg/jacobian-lens"), ConfigLocation.resolve(null, both, "/pw").dir());
        assertEquals(Path.of("/home/ada/.config/jacobian-lens"),
                ConfigLocation.resolve(null, Map.of("HOME", "/home/ada"), "/pw").dir(), "without XDG_CONFIG_HOME");
        assertEquals(Path.of("/home/ada/.config/jacobian-lens"), ConfigLocation.resolve(null,
                Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "relative/cfg"), "/pw").dir(), "XDG paths are absolute");
        assertEquals(Path.of("/pw/.config/jacobian-lens"), ConfigLocation.resolve(null, Map.of(), "/pw").dir(),
                "user.home only when HOME is unset");
        assertEquals(Path.of("/home/ada/.jacobian-lens"), ConfigLocation.resolve(null, both, "/pw").legacy());
    }

    @Test
    void anOlderVersionsSettingsAreTakenOverOnceAndSaidSo(@TempDir Path home) throws IOException {
        Path old = Files.createDirectories(home.resolve(".jacobian-lens"));
        Path session = touch(home, "lecture.json");
        new RecentStore(old).remember(session);
        ConfigLocation where = ConfigLocation.resolve(null, Map.of("HOME", home.toString()), "/pw");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        where.migrate(new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertEquals(List.of(session), new RecentStore(where.dir()).recent());
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("took the settings and recent sessions from " + old),
                notes.toString(StandardCharsets.UTF_8));

        new RecentStore(old).remember(touch(home, "later.json"));
        notes.reset();
        where.migrate(new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertEquals(List.of(session), new RecentStore(where.dir()).recent(), "only once");
        assertEquals("", notes.toString(StandardCharsets.UTF_8));
    }

    private static Path touch(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), "{}").toAbsolutePath().normalize();
    }
}
