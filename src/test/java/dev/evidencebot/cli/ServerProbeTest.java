package dev.evidencebot.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading /proc/PID/status and `jcmd GC.heap_info` as Linux and JDK 17 write them. */
class ServerProbeTest {

    private static final String STATUS = """
            Name:	java
            Umask:	0022
            State:	S (sleeping)
            VmPeak:	 3254236 kB
            VmRSS:	  322244 kB
            RssAnon:	  250112 kB
            Threads:	40
            SigQ:	0/63449
            """;

    @Test
    void rssAndThreadsComeFromProcStatus() {
        assertEquals(322244, ServerProbe.statusKilobytes(STATUS, "VmRSS"));
        assertEquals(40, ServerProbe.statusNumber(STATUS, "Threads"));
        assertThrows(IllegalArgumentException.class, () -> ServerProbe.statusNumber(STATUS, "VmSwap"));
    }

    @Test
    void heapUsedIsTheG1HeapLineWithoutMetaspace() {
        String g1 = """
                26493:
                 garbage-first heap   total 78848K, used 42572K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 21 young (21504K), 4 survivors (4096K)
                 Metaspace       used 51515K, committed 52160K, reserved 1114112K
                  class space    used 7854K, committed 8128K, reserved 1048576K
                """;

        assertEquals(42572L * 1024, ServerProbe.heapInfoUsed(g1));
    }

    @Test
    void heapUsedAddsTheGenerationsOfSerialAndParallel() {
        String serial = """
                 def new generation   total 9792K, used 1234K [0x00000000f0000000, 0x00000000f0aa0000, 0x00000000f5550000)
                  eden space 8704K,  14% used [0x00000000f0000000, 0x00000000f0134a38, 0x00000000f0880000)
                 tenured generation   total 21888K, used 5678K [0x00000000f5550000, 0x00000000f6ab0000, 0x0000000100000000)
                 Metaspace       used 51515K, committed 52160K, reserved 1114112K
                """;

        assertEquals((1234L + 5678L) * 1024, ServerProbe.heapInfoUsed(serial));
        assertEquals(-1, ServerProbe.heapInfoUsed("26493:\nCommand executed with an unknown collector\n"));
    }
}
