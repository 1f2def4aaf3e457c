package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's artifact as Lambda deploys it: the jar unpacked into a directory that
 * LAMBDA_TASK_ROOT names (Lambda's /var/task), from which the Runtime Interface Client's class
 * loader loads the handler; the runtime's own jars stay on the JVM's classpath. Or, with a
 * {@code bootstrap}, a container image's function directory ({@link ContainerImageFunction}):
 * the bootstrap starts the JVM itself, and the task root is empty.
 */
record Deployment(Path jar, Path taskRoot, Path bootstrap) {

    static Deployment unpack(Path jar, Path taskRoot) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No artifact at " + jar + ": package it first");
        }
        try {
            if (Files.exists(taskRoot)) {
                try (Stream<Path> old = Files.walk(taskRoot)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(taskRoot);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    Path target = taskRoot.resolve(entry.getName()).normalize();
                    if (!target.startsWith(taskRoot)) {
                        throw new IllegalStateException("Entry outside the task root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        copy(zip, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + jar, e);
        }
        return new Deployment(jar, taskRoot, null);
    }

    /**
     * The artifact's size in MB (10^6 bytes), as Lambda's limits count it; for an image, every file
     * of its function directory (the jar, the runtime's jars, the AOT cache), not its JRE.
     */
    double megabytes() {
        try {
            if (bootstrap == null) {
                return Files.size(jar) / 1e6;
            }
            try (Stream<Path> files = Files.walk(bootstrap.getParent())) {
                return files.filter(Files::isRegularFile).mapToLong(Deployment::size).sum() / 1e6;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
