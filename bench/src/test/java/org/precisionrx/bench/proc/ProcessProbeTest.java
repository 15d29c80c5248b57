package org.precisionrx.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    @TempDir
    Path proc;
    @TempDir
    Path run;

    /** A /proc/<pid>/stat line: comm, then fields 3.. (state, ppid, pgrp, session, ..., utime=14, stime=15, ..., starttime=22). */
    static String stat(int pid, String comm, int session, long utime, long stime, long start) {
        return pid + " (" + comm + ") S 1 " + session + " " + session + " 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 " + start + " 1000000 2000 18446744073709551615\n";
    }

    void process(int pid, String comm, int session, long utime, long stime, long rssKb) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("stat"), stat(pid, comm, session, utime, stime, 5000));
        Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nVmPeak:\t  999 kB\nVmRSS:\t  " + rssKb + " kB\nThreads:\t3\n");
    }

    @Test
    void parsesCommandsWithSpacesAndParentheses() {
        ProcStat p = ProcStat.parse(42, stat(42, "java (main) x", 40, 150, 50, 12345), "VmRSS:\t 2048 kB\n");
        assertThat(p.command()).isEqualTo("java (main) x");
        assertThat(p.session()).isEqualTo(40);
        assertThat(p.cpuTicks()).isEqualTo(200);
        assertThat(p.startTicks()).isEqualTo(12345);
        assertThat(p.rssKb()).isEqualTo(2048);
        assertThat(ProcStat.rssKb("Name:\tkthreadd\n")).isZero();
    }

    @Test
    void sumsEachComponentsSessionAndEveryPostgresProcess() throws IOException {
        Files.writeString(run.resolve("keycloak.pid"), "100\n");
        Files.writeString(run.resolve("gateway.pid"), "200\n");
        process(100, "sh", 100, 1, 1, 1024);           // kc.sh
        process(101, "java", 100, 500, 100, 500 * 1024); // the Keycloak JVM it started
        process(200, "java", 200, 1000, 200, 300 * 1024);
        process(300, "postgres", 300, 50, 50, 100 * 1024);
        process(301, "postgres", 300, 10, 10, 20 * 1024);
        process(400, "bash", 400, 9, 9, 4096);          // not ours
        ProcessProbe probe = new ProcessProbe(proc, run);
        ProcessProbe.Snapshot before = probe.snapshot();

        process(101, "java", 100, 600, 150, 520 * 1024);
        process(200, "java", 200, 1100, 300, 310 * 1024);
        process(302, "postgres", 300, 5, 5, 10 * 1024); // a backend that started meanwhile: all its CPU counts
        var usage = probe.snapshot().since(before);

        assertThat(usage.get("keycloak").cpuSeconds()).isEqualTo(1.5);
        assertThat(usage.get("keycloak").rssMb()).isEqualTo(521.0);
        assertThat(usage.get("keycloak").processes()).isEqualTo(2);
        assertThat(usage.get("gateway").cpuSeconds()).isEqualTo(2.0);
        assertThat(usage.get("postgres").processes()).isEqualTo(3);
        assertThat(usage.get("postgres").cpuSeconds()).isEqualTo(0.1);
        assertThat(usage.get("postgres").rssMb()).isEqualTo(130.0);
        assertThat(usage.get("profile").processes()).isZero();
        assertThat(probe.mainProcess("keycloak")).get().extracting(ProcStat::pid).isEqualTo(101);
    }
}
