package org.jacobianlens.app.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * An operating-system lock on {@code .NAME.lock} next to an output folder, held while a run writes it, so a second
 * run into the same folder is refused with a message naming the first. The OS releases it when the holder dies
 * (even by {@code kill -9}), so a killed run never blocks the next. The file says who holds it and is removed on
 * release.
 */
final class OutputLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock at {@code file}, or throws naming the holder.
     *
     * @param what the output folder, for the message
     */
    static OutputLock acquire(Path file, Path what) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                String holder = holder(file);
                throw new IOException("another run" + (holder.isEmpty() ? "" : " (" + holder + ")") + " is writing "
                        + what + "; wait for it to finish or choose another --out");
            }
            // The holder removes the file on release: make sure the path still names the file we locked.
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
            String token = me + "\n" + UUID.randomUUID() + "\n";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            String atPath;
            try {
                atPath = Files.readString(file);
            } catch (NoSuchFileException gone) {
                atPath = null;
            }
            if (token.equals(atPath)) {
                return new OutputLock(file, ch, lock);
            }
            lock.release();
            ch.close();
        }
        throw new IOException("could not lock " + file + " (it keeps changing)");
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file);
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file); // while still holding it, so nobody can take a lock on a stale file
        } finally {
            lock.release();
            channel.close();
        }
    }
}
