package io.zhibiao.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP/1.1 request written byte for byte, as curl sends a URL pasted with Chinese in it: HTTP client
 * libraries percent-encode the target, so tests of what a server does with raw bytes write the request
 * themselves. For tests.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer: status code and body (UTF-8). */
    public record Answer(int status, String body) {
    }

    /** Sends {@code method target HTTP/1.1} with the target's bytes as given, the headers, and the body. */
    public static Answer send(String host, int port, String method, byte[] target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of the target, bytes as given. */
    public static Answer get(String host, int port, byte[] target) {
        return send(host, port, "GET", target, Map.of(), null);
    }
}
