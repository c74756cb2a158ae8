package io.gpconnect.fhir.readcache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Passes a response through to the client while keeping a copy, so that a 200 can be served again. */
public final class CapturingResponse extends HttpServletResponseWrapper {
    /** Headers that belong to one exchange, not to the answer. */
    private static final Set<String> PER_EXCHANGE = Set.of("date", "server", "x-request-id", "content-length", "transfer-encoding");
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    private StringBuilder text;
    private ByteArrayOutputStream bytes;
    private PrintWriter writer;
    private ServletOutputStream stream;
    private boolean overflow;

    public CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            text = new StringBuilder(16 * 1024);
            Writer container = super.getWriter();
            writer = new PrintWriter(new Writer() {
                // Strings reach this too: Writer copies them through its own small buffer. One path, and the text
                // is kept by array copy, not character by character through a CharSequence.
                @Override
                public void write(char[] buf, int off, int len) throws IOException {
                    container.write(buf, off, len);
                    keep(buf, off, len);
                }

                @Override
                public void flush() throws IOException {
                    container.flush();
                }

                @Override
                public void close() throws IOException {
                    container.close();
                }
            }, false);
        }
        return writer;
    }

    private void keep(char[] buf, int off, int len) {
        if (!overflow) {
            text.append(buf, off, len);
            overflow = text.length() > MAX_CHARS;
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            bytes = new ByteArrayOutputStream(16 * 1024);
            ServletOutputStream container = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    container.write(b);
                    if (!overflow) {
                        bytes.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    container.write(b, off, len);
                    if (!overflow) {
                        bytes.write(b, off, len);
                        overflow = bytes.size() > MAX_CHARS;
                    }
                }

                @Override
                public void flush() throws IOException {
                    container.flush();
                }

                @Override
                public void close() throws IOException {
                    container.close();
                }

                @Override
                public boolean isReady() {
                    return container.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    container.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    /** The answer as sent, if it was a complete 200 written one way. */
    public Optional<RenderedResponse> rendered(long generation) {
        if (getStatus() != 200 || overflow || (text == null) == (bytes == null)) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : getHeaderNames()) {
            if (!PER_EXCHANGE.contains(name.toLowerCase(Locale.ROOT))) {
                headers.putIfAbsent(name, List.copyOf(getHeaders(name)));
            }
        }
        return Optional.of(new RenderedResponse(generation, Map.copyOf(headers), text == null ? null : text.toString(),
                bytes == null ? null : bytes.toByteArray()));
    }
}
