package org.shanzhi.cockpit.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A WebSocket upgrade over a plain socket: the answer's status and header lines, then nothing read
 * any more. A client that never reads, with a small receive buffer, is what fills the server's side.
 */
final class RawUpgrade implements AutoCloseable {

    final Socket socket;
    final int status;
    final List<String> headers;

    RawUpgrade(int port, String query, String token) throws IOException {
        this(port, query, token, null);
    }

    /** The same, sent as a browser page from {@code origin} would send it (null: no Origin, as a wall sends it). */
    RawUpgrade(int port, String query, String token, String origin) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        String request = "GET /api/v1/stream" + query + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        List<String> lines = readHead(socket.getInputStream());
        status = Integer.parseInt(lines.get(0).split(" ")[1]);
        headers = lines.subList(1, lines.size());
    }

    /** The lines up to the blank one, read a byte at a time so that nothing after them is consumed. */
    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the hub closed before the end of its answer: " + head);
            }
            head.write(b);
        }
        return List.of(head.toString(StandardCharsets.ISO_8859_1).strip().split("\r\n"));
    }

    /** The body of an answer that refused the upgrade, as long as its Content-Length says. */
    String body() throws IOException {
        int length = headers.stream().filter(h -> h.toLowerCase().startsWith("content-length:"))
                .mapToInt(h -> Integer.parseInt(h.substring(h.indexOf(':') + 1).trim())).findFirst().orElseThrow();
        return new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
    }

    boolean setsACookie() {
        return headers.stream().anyMatch(h -> h.toLowerCase().startsWith("set-cookie:"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
