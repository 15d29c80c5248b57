package org.precisionrx.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} and {@code /proc/<pid>/status} the bench needs. Times are
 * in clock ticks (USER_HZ, 100 on Linux x86-64 and arm64).
 */
public record ProcStat(int pid, String command, int session, long cpuTicks, long startTicks, long rssKb) {

    public static final int TICKS_PER_SECOND = 100;

    /** The process's numbers, or empty when it has gone (or this is not Linux). */
    public static Optional<ProcStat> read(Path proc, int pid) {
        try {
            String stat = Files.readString(proc.resolve(pid + "/stat"), StandardCharsets.US_ASCII);
            String status = Files.readString(proc.resolve(pid + "/status"), StandardCharsets.US_ASCII);
            return Optional.of(parse(pid, stat, status));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The command may hold spaces and parentheses: the fields are counted from its last ')'. */
    static ProcStat parse(int pid, String stat, String status) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): field n is f[n - 3].
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return new ProcStat(pid, stat.substring(open + 1, close), Integer.parseInt(f[3]), utime + stime,
                Long.parseLong(f[19]), rssKb(status));
    }

    /** VmRSS in kB; kernel threads and zombies have none. */
    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
