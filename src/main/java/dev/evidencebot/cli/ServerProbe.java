package dev.evidencebot.cli;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks at another JVM's process: RSS, threads and open file descriptors from /proc (Linux), heap
 * over JMX (the Attach API starts the target's local management agent, so one connection serves
 * every sample), or by running `jcmd GC.heap_info` when attaching is refused. The agent adds a few
 * threads to the server, early and late alike, so the comparison between the two stays fair.
 */
final class ServerProbe implements AutoCloseable {

    private static final Pattern KILOBYTES = Pattern.compile("(\\d+)\\s*kB");
    // "garbage-first heap   total 78848K, used 42572K": one line per heap space (G1 has one, Serial and Parallel two)
    private static final Pattern HEAP_SPACE = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;
    private final List<GarbageCollectorMXBean> collectors;

    private ServerProbe(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        if (connector == null) {
            memory = null;
            heapPools = List.of();
            collectors = List.of();
            return;
        }
        MBeanServerConnection beans = connector.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        heapPools = ManagementFactory.getPlatformMXBeans(beans, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        collectors = ManagementFactory.getPlatformMXBeans(beans, GarbageCollectorMXBean.class);
    }

    /** Attaches over JMX if the target lets it, else settles for jcmd; {@link #how()} says which. */
    static ServerProbe attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new ServerProbe(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception | LinkageError refused) {
            try {
                return new ServerProbe(pid, null);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    String how() {
        return connector != null ? "JMX (attach API)" : "jcmd GC.heap_info";
    }

    SoakReport.Sample sample(long atNanos) {
        long rss = -1;
        int threads = -1;
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            rss = statusKilobytes(status, "VmRSS") * 1024;
            threads = (int) statusNumber(status, "Threads");
        } catch (IOException | RuntimeException notLinux) {
            // unknown stays -1
        }
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = (int) open.count();
        } catch (IOException | RuntimeException notLinux) {
            fds = -1;
        }
        return new SoakReport.Sample(atNanos, heapUsed(), heapAfterGc(), rss, threads, fds);
    }

    /** Garbage collections so far and their total time; -1 when not known. */
    record Collections(long count, long millis) {
    }

    Collections collections() {
        long count = -1;
        long millis = -1;
        try {
            for (GarbageCollectorMXBean collector : collectors) {
                count = Math.max(0, count) + collector.getCollectionCount();
                millis = Math.max(0, millis) + collector.getCollectionTime();
            }
        } catch (RuntimeException gone) {
            return new Collections(-1, -1);
        }
        return new Collections(count, millis);
    }

    /** Heap used right after a full collection the probe asks for (JMX only); -1 when it cannot ask. */
    long liveHeap() {
        if (memory == null) {
            return -1;
        }
        try {
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        } catch (RuntimeException gone) {
            return -1;
        }
    }

    private long heapUsed() {
        if (memory != null) {
            try {
                return memory.getHeapMemoryUsage().getUsed();
            } catch (RuntimeException gone) {
                return -1;
            }
        }
        return jcmdHeapUsed();
    }

    /** What the heap held after each space's last collection: the figure that grows when something leaks. */
    private long heapAfterGc() {
        long total = -1;
        try {
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage after = pool.getCollectionUsage();
                if (after != null) {
                    total = Math.max(0, total) + after.getUsed();
                }
            }
        } catch (RuntimeException gone) {
            return -1;
        }
        return total;
    }

    private long jcmdHeapUsed() {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return heapInfoUsed(output);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Bytes used in the heap per `jcmd GC.heap_info` (G1, Serial, Parallel); -1 when the output has no heap line. */
    static long heapInfoUsed(String heapInfo) {
        long used = -1;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher space = HEAP_SPACE.matcher(line);
            if (space.find()) {
                used = Math.max(0, used) + Long.parseLong(space.group(1)) * 1024;
            }
        }
        return used;
    }

    /** A "Name:  123 kB" line of /proc/PID/status, in kB. */
    static long statusKilobytes(String status, String name) {
        Matcher value = KILOBYTES.matcher(statusLine(status, name));
        if (!value.find()) {
            throw new IllegalArgumentException(name + " in /proc status is not in kB");
        }
        return Long.parseLong(value.group(1));
    }

    /** A "Name:  123" line of /proc/PID/status. */
    static long statusNumber(String status, String name) {
        return Long.parseLong(statusLine(status, name).trim());
    }

    private static String statusLine(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("/proc status has no " + name + " line");
    }

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the server is going away anyway
            }
        }
    }
}
