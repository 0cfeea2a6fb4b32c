package org.jacobianlens.app.files;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Checks, in well under a second and before any work, that an output folder can be written: not a file, not under a
 * file, not on a virtual file system such as {@code /proc}, not inside another run's temporary folder, and in a
 * folder this process may write to. Each refusal is one sentence with the reason (the operating system's, where it
 * gave one).
 */
public final class OutputPaths {
    /** File systems that hold no files of ours: writes there fail or vanish. */
    private static final Set<String> VIRTUAL = Set.of("proc", "sysfs", "devtmpfs", "cgroup", "cgroup2", "debugfs",
            "securityfs", "tracefs", "devpts");

    /**
     * Marks the temporary folder a run writes into before it is renamed into place:
     * {@code .NAME.partial-PID-RANDOM} next to the output folder NAME.
     */
    static final String PARTIAL = ".partial-";

    private OutputPaths() {
    }

    /** Whether {@code name} is that of a run's temporary folder ({@code .NAME.partial-PID-RANDOM}). */
    public static boolean isTemporaryName(String name) {
        return name.startsWith(".") && name.contains(PARTIAL);
    }

    /**
     * Throws {@link IOException} with a one-sentence reason when {@code out} cannot become an output folder.
     * {@code out} itself may exist (as a folder) or not; missing parents are created later, by the writer.
     */
    public static void check(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && isTemporaryName(p.getFileName().toString())) {
                throw new IOException(out + " is inside " + p + ", the temporary folder of another run");
            }
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(out + " is a file, not a folder");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException(out + " has no existing parent folder");
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException(out + " is under " + existing + ", which is a file, not a folder");
        }
        FileStore store = Files.getFileStore(existing);
        if (VIRTUAL.contains(store.type().toLowerCase(Locale.ROOT))) {
            throw new IOException(out + " is on the system's virtual " + store.type()
                    + " file system, which holds no files; choose a folder on a disk");
        }
        if (store.isReadOnly()) {
            throw new IOException(out + " is on a read-only file system (" + store + ")");
        }
        // The one test that cannot be fooled (root ignores permission bits, ACLs, quotas): create something there.
        Path probe;
        try {
            probe = Files.createTempDirectory(existing, ".jacobian-lens-probe-");
        } catch (IOException e) {
            throw new IOException(out + ": cannot write into " + existing + " (" + reason(e) + ")", e);
        }
        Files.delete(probe);
    }

    /** The operating system's reason, without Java's exception class name. */
    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
