package io.leadpipeline.opsconsole.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP link in front of the real registry that can go silent, the way a hung or overloaded registry does: while
 * silent, connections are accepted and held without a byte of answer; once answering, new connections are passed
 * through to the registry. Connections accepted while silent stay silent.
 */
final class RegistryLink implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final URI registry;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean silent = true;

    RegistryLink(URI registry) throws IOException {
        this.registry = registry;
        Thread.ofPlatform().daemon().name("registry-link").start(this::accept);
    }

    /** The registry URL as seen through the link. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + registry.getPath();
    }

    /** From now on, connections reach the registry. */
    void answer() {
        silent = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                hold(client);
                if (!silent) {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), registry.getPort());
                    hold(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException closedOrRefused) {
                // the link closed, or the registry refused: the client sees its connection end
            }
        }
    }

    private void hold(Socket socket) {
        synchronized (sockets) {
            sockets.add(socket);
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("registry-link-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // either side went away
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
