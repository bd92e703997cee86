package dev.evidencebot.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on a plain socket, for the soak: the soak must own its 64 connections
 * (the JDK's clients pool and cap them) and must be able to read a response one byte at a time or
 * drop it midway, which no client library lets it do.
 */
final class RawHttp implements AutoCloseable {

    /** A status line and its headers (names in lower case). */
    record Head(int status, Map<String, String> headers) {
        boolean chunked() {
            return "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""));
        }

        long contentLength() {
            String length = headers.get("content-length");
            return length == null ? -1 : Long.parseLong(length.trim());
        }

        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private RawHttp(Socket socket, String host) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.host = host;
    }

    /**
     * Connects; a positive receive buffer size shrinks the socket's buffer first, so a slow reader's
     * window fills and the server really has to wait on it instead of writing into a large kernel buffer.
     */
    static RawHttp connect(InetSocketAddress address, int timeoutMillis, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        socket.connect(address, timeoutMillis);
        return new RawHttp(socket, address.getHostString() + ":" + address.getPort());
    }

    /** Writes a request with a body; {@code contentType} null sends none. */
    void post(String path, String contentType, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    Head readHead() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        int bytes = statusLine.length();
        for (String line = line(); !line.isEmpty(); line = line()) {
            bytes += line.length();
            if (bytes > MAX_HEAD_BYTES) {
                throw new IOException("response head over " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    /** Reads the whole body the head announces (by length or chunks; to the end when neither). */
    byte[] readBody(Head head) throws IOException {
        if (head.chunked()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers carry nothing the soak needs
            }
            return body.toByteArray();
        }
        long length = head.contentLength();
        return length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    }

    /** Blocks until the body's first byte has arrived (without taking it), for a time-to-first-byte. */
    void awaitByte(Head head) throws IOException {
        if (head.chunked() || head.contentLength() != 0) {
            in.mark(1);
            if (in.read() >= 0) {
                in.reset();
            }
        }
    }

    /** One byte of the raw response stream (chunk framing included), or -1 at its end. */
    int readByte() throws IOException {
        return in.read();
    }

    /** Closes with a reset instead of an orderly goodbye, as a browser tab being killed does. */
    void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do about a socket that will not close
        }
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension >= 0 ? line.substring(0, extension) : line).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
            if (line.length() > MAX_HEAD_BYTES) {
                throw new IOException("line over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return line.toString();
    }
}
