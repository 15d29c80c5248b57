package org.precisionrx.gateway.cdshooks.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves JWK Sets over HTTP on 127.0.0.1, on the first free port of 18400-18409 (the ports this
 * module's tests may use), and counts the requests per path.
 */
final class LocalJwksServer implements AutoCloseable {

    private static final int FIRST_PORT = 18400;
    private static final int LAST_PORT = 18409;

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private LocalJwksServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static LocalJwksServer start() {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            try {
                return new LocalJwksServer(
                        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
            } catch (BindException busy) {
                // try the next port
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }

    /** Serves {@code json} at {@code path} from now on; {@code null} makes the path answer 404. */
    void serve(String path, String json) {
        if (json == null) {
            documents.remove(path);
        } else {
            documents.put(path, json);
        }
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String json = documents.get(path);
        try (exchange) {
            if (json == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
