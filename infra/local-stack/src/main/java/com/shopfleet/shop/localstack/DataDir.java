package com.shopfleet.shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The data folder of one stack: locked while the stack runs (one stack per folder), marked so
 * {@code --reset} never wipes a folder that is not ours, and holding a pid file per running
 * process so a later start can stop what a killed launcher left behind.
 */
final class DataDir implements AutoCloseable {

    static final String MARKER = ".shop-local-stack";
    private static final String LOCK = ".lock";
    private static final Set<String> KEPT_ON_RESET = Set.of(MARKER, LOCK);

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DataDir open(Path root, boolean reset, Consumer<String> progress) {
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new LocalStackException(root + " is not a folder");
            }
            if (Files.isDirectory(root) && !Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
                throw new LocalStackException(root + " is not empty and has no " + MARKER
                        + " file: refusing to use (or wipe) it as the local stack's data folder");
            }
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER),
                        "Data folder of the shop fleet's local stack (infra/local-stack). --reset wipes it.\n");
            }
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new LocalStackException("Another local stack is running on " + root
                        + " (it holds " + root.resolve(LOCK) + "). Stop it, or use another --data-dir.");
            }
            DataDir dataDir = new DataDir(root, channel, lock);
            try {
                dataDir.stopLeftovers(progress);
                if (reset) {
                    dataDir.wipe();
                    progress.accept("wiped " + root);
                }
                Files.createDirectories(root.resolve("logs"));
                Files.createDirectories(root.resolve("h2"));
                Files.createDirectories(root.resolve("run"));
                return dataDir;
            } catch (IOException | RuntimeException e) {
                dataDir.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    void recordPid(String name, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.writeString(pidFile(name), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forgetPid(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            // best effort
        }
    }

    private Path pidFile(String name) {
        return root.resolve("run").resolve(name + ".pid");
    }

    /** Processes recorded by a launcher that died without stopping them (same pid and start time). */
    private void stopLeftovers(Consumer<String> progress) throws IOException {
        Path run = root.resolve("run");
        if (!Files.isDirectory(run)) {
            return;
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(run)) {
            pidFiles = files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList();
        }
        List<Thread> stoppers = new ArrayList<>();
        for (Path pidFile : pidFiles) {
            String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            leftover(pidFile).ifPresent(process -> {
                progress.accept("stopping " + name + " (pid " + process.pid() + ") left running by an earlier launcher");
                stoppers.add(Thread.ofPlatform().start(() -> OsProcesses.stop(process, LocalStack.STOP_GRACE)));
            });
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while stopping leftovers");
            }
        }
        for (Path pidFile : pidFiles) {
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<ProcessHandle> leftover(Path pidFile) {
        try {
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> started != 0L && p.info().startInstant()
                            .map(s -> Math.abs(s.toEpochMilli() - started) < 2000).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void wipe() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (!KEPT_ON_RESET.contains(child.getFileName().toString())) {
                    deleteRecursively(child);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
    }
}
