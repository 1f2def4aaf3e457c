package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What Linux reports of a running process in /proc: its resident memory and the CPU it has used. */
final class ProcStatus {

    /** Clock ticks per second of /proc/<pid>/stat's times (sysconf(_SC_CLK_TCK), 100 on Linux/x86). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcStatus() {
    }

    /** VmHWM: the most resident memory the process has had (what Lambda reports as Max Memory Used). */
    static double peakRssMb(long pid) {
        return statusKb(pid, "VmHWM:") / 1024.0;
    }

    /** VmRSS: resident memory now. */
    static double rssMb(long pid) {
        return statusKb(pid, "VmRSS:") / 1024.0;
    }

    /** utime + stime of every thread so far, in milliseconds. */
    static double cpuMs(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * utime + stime so far of the JIT's compiler threads ({@code C1 CompilerThread0}, ...; the
     * kernel keeps 15 characters of a thread's name), in milliseconds. The JVM starts and stops
     * compiler threads as the work asks, and a thread that has ended is no longer counted here,
     * while the process's total ({@link #cpuMs}) keeps its time.
     */
    static double compilerCpuMs(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime in clock ticks, from a process's or a thread's stat line. */
    private static long ticks(String stat) {
        // Fields after the command name (in parentheses, which may hold spaces): state is field 3,
        // utime field 14 and stime field 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No " + field + " for process " + pid);
    }
}
