package org.jacobianlens.app.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * An output folder written as one set. Everything goes into a fresh temporary folder next to it,
 * {@code .NAME.partial-PID-RANDOM}, which {@link #commit()} renames into place; a run it replaces is kept as
 * {@code NAME.previous} (one generation). While the set is being written a lock ({@code .NAME.lock}) keeps a
 * second writer out. So at any moment {@code NAME} holds the old complete set or the new complete set, never a
 * mix; a killed run leaves at most its clearly named temporary folder (and the unlocked lock file), which the
 * next run into the same folder removes, saying so.
 *
 * <p>Only a folder this program wrote (it holds {@value #MARKER}, or the run.json / sweep.json of an older
 * version) or an empty one is ever replaced: pointing {@code --out} at a folder of one's own documents is refused,
 * not moved aside.
 */
public final class OutputFolder implements AutoCloseable {
    /** The file that marks a folder as written by Jacobian Lens. */
    public static final String MARKER = ".jacobian-lens-output";
    /** Suffix of the kept previous set. */
    public static final String PREVIOUS = ".previous";
    private static final List<String> OLDER_MARKERS = List.of("run.json", "sweep.json");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final OutputLock lock;
    private boolean committed;

    private OutputFolder(Path target, Path temp, OutputLock lock) {
        this.target = target;
        this.temp = temp;
        this.lock = lock;
    }

    /**
     * Checks {@code out} ({@link OutputPaths#check}), locks it, removes what interrupted runs left and creates the
     * temporary folder to write into. Throws with a one-sentence reason when any of that is impossible.
     *
     * @param notes where to say that an interrupted run's leftovers were removed
     */
    public static OutputFolder open(Path out, PrintStream notes) throws IOException {
        OutputPaths.check(out);
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException(out + ": cannot create " + parent + " (" + OutputPaths.reason(e) + ")", e);
        }
        OutputLock lock = OutputLock.acquire(parent.resolve("." + name + ".lock"), out);
        try {
            refuseForeign(target, out);
            refuseForeign(parent.resolve(name + PREVIOUS), parent.resolve(name + PREVIOUS));
            removeLeftovers(parent, name, notes);
            Path temp = parent.resolve("." + name + OutputPaths.PARTIAL + ProcessHandle.current().pid() + "-"
                    + HexFormat.of().formatHex(RANDOM.generateSeed(4)));
            Files.createDirectory(temp);
            return new OutputFolder(target, temp, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The temporary folder to write every file of the set into. */
    public Path dir() {
        return temp;
    }

    /** Where the set will be once committed. */
    public Path target() {
        return target;
    }

    /** Moves the finished set into place, keeping a replaced set as {@code NAME.previous}. */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        AtomicFiles.write(temp.resolve(MARKER), ("written by Jacobian Lens at " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && isEmpty(target)) {
            Files.delete(target); // an empty folder made for the run: nothing to keep
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path previous = target.resolveSibling(target.getFileName() + PREVIOUS);
            deleteTree(previous); // ours (checked when opened, and we hold the lock)
            move(target, previous);
        }
        move(temp, target);
        committed = true;
    }

    /** Removes the temporary folder unless committed, and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                deleteTree(temp);
            }
        } finally {
            lock.close();
        }
    }

    /** Whether {@code dir} may be replaced: missing, empty, or written by this program. */
    static boolean replaceable(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.exists(dir.resolve(MARKER)) || OLDER_MARKERS.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m)))) {
            return true;
        }
        return isEmpty(dir);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void refuseForeign(Path dir, Path shown) throws IOException {
        if (!replaceable(dir)) {
            throw new IOException(shown + " already holds files that Jacobian Lens did not write; choose a new or "
                    + "empty folder (nothing was changed)");
        }
    }

    /** Temporary folders of runs into the same folder that were killed (we hold the lock, so none is alive). */
    private static void removeLeftovers(Path parent, String name, PrintStream notes) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith("." + name + OutputPaths.PARTIAL))) {
            for (Path p : entries) {
                deleteTree(p);
                notes.println("removed " + p + ", left by an interrupted run");
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it (without following links out of it); nothing if it is missing. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
