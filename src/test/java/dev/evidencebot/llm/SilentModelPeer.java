package dev.evidencebot.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A model provider that takes requests and never answers, and notices when its client hangs up:
 * a raw socket, because an HTTP server (ours included) may not report a client that leaves before
 * the response has begun.
 */
final class SilentModelPeer implements AutoCloseable {

    private final ServerSocket socket;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);

    SilentModelPeer() {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread listener = new Thread(this::listen, "silent-model-peer");
        listener.setDaemon(true);
        listener.start();
    }

    String baseUrl() {
        return "http://localhost:" + socket.getLocalPort() + "/v1";
    }

    private void listen() {
        try (Socket connection = socket.accept()) {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (read > 0) {
                    asked.countDown();
                }
            }
        } catch (IOException e) {
            // a reset is a hang-up too
        }
        hungUp.countDown();
    }

    boolean awaitAsked(Duration atMost) throws InterruptedException {
        return asked.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitHungUp(Duration atMost) throws InterruptedException {
        return hungUp.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
