package org.jacobianlens.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(notes, true, StandardCharsets.UTF_8);

    /** Writes a set of two files whose contents name the set. */
    private void writeSet(Path dir, String name) throws IOException {
        try (OutputFolder f = OutputFolder.open(dir, out)) {
            AtomicFiles.write(f.dir().resolve("a.txt"), name.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(f.dir().resolve("b.txt"), name.getBytes(StandardCharsets.UTF_8));
            assertFalse(Files.exists(dir.resolve("a.txt")) && Files.readString(dir.resolve("a.txt")).equals(name),
                    "nothing of the new set is visible before the commit");
            f.commit();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSetAppearsWholeAndTheReplacedOneIsKeptOnce(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("runs/demo");
        writeSet(run, "one");
        assertEquals(List.of(".jacobian-lens-output", "a.txt", "b.txt"), names(run));
        writeSet(run, "two");
        writeSet(run, "three");
        assertEquals("three", Files.readString(run.resolve("b.txt")));
        assertEquals("two", Files.readString(dir.resolve("runs/demo.previous/b.txt")), "one generation kept");
        assertEquals(List.of("demo", "demo.previous"), names(dir.resolve("runs")), "no temporary folder or lock left");
    }

    @Test
    void aSetThatIsNotCommittedLeavesNothing(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("demo");
        writeSet(run, "old");
        try (OutputFolder f = OutputFolder.open(run, out)) {
            AtomicFiles.write(f.dir().resolve("a.txt"), new byte[] {1});
            // a failure before commit: the folder is closed without committing
        }
        assertEquals("old", Files.readString(run.resolve("a.txt")));
        assertEquals(List.of("demo"), names(dir));
    }

    @Test
    void aFolderOfOtherFilesIsRefusedNotMovedAside(@TempDir Path dir) throws IOException {
        Path mine = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        IOException e = assertThrows(IOException.class, () -> OutputFolder.open(mine, out));
        assertEquals(mine + " already holds files that Jacobian Lens did not write; choose a new or empty folder "
                + "(nothing was changed)", e.getMessage());
        assertEquals(List.of("Documents"), names(dir));
        assertEquals(List.of("thesis.tex"), names(mine));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        writeSet(empty, "new");
        assertFalse(Files.exists(dir.resolve("empty.previous")), "an empty folder is not kept as a previous run");
    }

    @Test
    void whatAKilledRunLeftIsRemovedAndSaidSo(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("demo");
        writeSet(run, "old");
        Path left = Files.createDirectories(dir.resolve(".demo.partial-99999-abcd1234"));
        Files.writeString(left.resolve("train.csv"), "half");
        Files.writeString(dir.resolve(".demo.lock"), "pid 99999, started then\n");
        writeSet(run, "new");
        assertEquals(List.of("demo", "demo.previous"), names(dir));
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("removed " + left + ", left by an interrupted run"),
                notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSecondWriterIsRefusedNamingTheFirst(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("demo");
        try (OutputFolder first = OutputFolder.open(run, out)) {
            IOException e = assertThrows(IOException.class, () -> OutputFolder.open(run, out));
            assertTrue(e.getMessage().startsWith("another run (pid " + ProcessHandle.current().pid() + ", started "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(" is writing " + run + "; wait for it to finish or choose another --out"),
                    e.getMessage());
            first.commit();
        }
        writeSet(run, "after"); // free again once the first is done
    }

    @Test
    void temporaryFoldersHaveUniqueNames(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("demo");
        Path a;
        try (OutputFolder f = OutputFolder.open(run, out)) {
            a = f.dir();
        }
        try (OutputFolder f = OutputFolder.open(run, out)) {
            assertFalse(f.dir().equals(a));
            assertTrue(f.dir().getFileName().toString().startsWith(".demo.partial-" + ProcessHandle.current().pid()
                    + "-"), f.dir().toString());
        }
    }

    @Test
    void unusablePlacesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(file + " is a file, not a folder",
                assertThrows(IOException.class, () -> OutputPaths.check(file)).getMessage());
        assertEquals(file.resolve("sub") + " is under " + file + ", which is a file, not a folder",
                assertThrows(IOException.class, () -> OutputPaths.check(file.resolve("sub"))).getMessage());
        Path inside = dir.resolve(".demo.partial-1-00000000/run");
        assertTrue(assertThrows(IOException.class, () -> OutputPaths.check(inside)).getMessage()
                .contains("the temporary folder of another run"));
        Path proc = Path.of("/proc/jacobian-lens-out");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertTrue(assertThrows(IOException.class, () -> OutputPaths.check(proc)).getMessage()
                    .contains("virtual proc file system"));
        }
    }
}
