package io.gpconnect.launcher;

import io.gpconnect.launcher.config.InvalidSettingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One {@code serve} per data directory. A second one used to get as far as starting its broker, which then
 * died on Kafka's own log-dir lock with a page of stack traces. The lock is the operating system's, so a
 * serve that is killed, even by SIGKILL, leaves nothing to clean up.
 */
final class ServeLock {
    static final String FILE = "serve.lock";

    private ServeLock() {
    }

    /** Held until the process ends: the returned channel must stay reachable, closing it releases the lock. */
    static FileChannel acquire(String option, Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new InvalidSettingException(option + " " + dataDir + " is in use by another ./gpconnect serve"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ": stop it, or give this one its own " + option);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidSettingException(option + " " + dataDir + " cannot be locked for this serve: " + e.getMessage());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
