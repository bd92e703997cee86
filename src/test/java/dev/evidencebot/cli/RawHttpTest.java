package dev.evidencebot.cli;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's socket client against a canned peer on loopback: a chunked stream, then a sized body on the same connection. */
class RawHttpTest {

    @Test
    void readsChunkedAndSizedResponsesOnOneKeepAliveConnection() throws Exception {
        String stream = "event: delta\ndata: {\"text\":\"a\"}\n\n";
        String responses = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                + Integer.toHexString(stream.length()) + "\r\n" + stream + "\r\n0\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        try (ServerSocket peer = new ServerSocket(0)) {
            CompletableFuture<String> requests = CompletableFuture.supplyAsync(() -> serve(peer, responses));

            try (RawHttp http = RawHttp.connect(new InetSocketAddress("127.0.0.1", peer.getLocalPort()), 5000, 0)) {
                http.post("/api/ask/stream", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                RawHttp.Head first = http.readHead();
                http.awaitByte(first);
                assertEquals(200, first.status());
                assertEquals(stream, new String(http.readBody(first), StandardCharsets.UTF_8));

                http.post("/api/feedback", null, "x".getBytes(StandardCharsets.UTF_8));
                RawHttp.Head second = http.readHead();
                assertEquals(404, second.status());
                assertTrue(second.closes());
                assertEquals("{}", new String(http.readBody(second), StandardCharsets.UTF_8));
            }
            String sent = requests.get(5, TimeUnit.SECONDS);
            assertTrue(sent.startsWith("POST /api/ask/stream HTTP/1.1\r\n"), sent);
            assertTrue(sent.contains("Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"), sent);
            assertTrue(sent.contains("POST /api/feedback HTTP/1.1\r\n"), sent);
        }
    }

    private static String serve(ServerSocket peer, String responses) {
        try (Socket socket = peer.accept()) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            StringBuilder received = new StringBuilder();
            String[] parts = responses.split("(?=HTTP/1.1 )");
            for (String part : parts) {
                received.append(readRequest(in));
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return received.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request head and its Content-Length body. */
    private static String readRequest(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        int at = head.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
