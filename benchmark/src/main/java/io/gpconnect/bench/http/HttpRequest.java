package io.gpconnect.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request line, headers and body, rendered to the bytes of one HTTP/1.1 request. */
public record HttpRequest(String method, String pathAndQuery, Map<String, String> headers, String body) {

    byte[] bytes(String hostHeader) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(1024);
        b.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(hostHeader).append("\r\n");
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            b.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return all;
    }
}
