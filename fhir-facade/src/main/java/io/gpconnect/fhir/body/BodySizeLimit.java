package io.gpconnect.fhir.body;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Caps how much of a request body the facade will ever hold. HAPI reads a body whole into memory (and inflates a
 * gzip-encoded one whole after that), so without a cap one request could exhaust the heap.
 *
 * <p>The answer is {@code 413} with Spine code {@code BAD_REQUEST}: the spec names no code for an oversized body,
 * and pairs BAD_REQUEST with a more precise HTTP status the same way for an unsupported media type (415).
 * A declared {@code Content-Length} over the cap is refused before a byte is read; a chunked or gzip-encoded body
 * is refused as soon as the bytes read (after inflating) pass it.
 */
public final class BodySizeLimit {
    /** 1 MiB: a booking is about 2 KB; the largest legitimate body, an Appointment with long texts, is far below. */
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final long maxBytes;

    public BodySizeLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the body size limit must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @return the request as everything after this point must read it: a body that stops at the cap, already inflated
     * when it was sent gzip-encoded (so nothing downstream inflates it unbounded)
     * @throws GpConnectException 413 when the declared length is over the cap, 415 for an encoding other than gzip
     */
    public HttpServletRequest apply(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        String encoding = request.getHeader(CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.strip().equalsIgnoreCase("identity") && !encoding.isBlank()) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, 415,
                    "Content-Encoding " + echo(encoding) + " is not supported; send the body as is or gzip-encoded");
        }
        return new Capped(request, gzip);
    }

    private GpConnectException tooLarge() {
        return new GpConnectException(SpineCode.BAD_REQUEST, 413,
                "The request body is larger than the " + maxBytes + " bytes this provider accepts");
    }

    private static String echo(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /** The request with its body capped (and inflated), and without the Content-Encoding that no longer applies. */
    private final class Capped extends HttpServletRequestWrapper {
        private final boolean gzip;
        private ServletInputStream body;

        Capped(HttpServletRequest request, boolean gzip) {
            super(request);
            this.gzip = gzip;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedStream(super.getInputStream(), gzip);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public String getHeader(String name) {
            return gzip && isContentEncoding(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return gzip && isContentEncoding(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (!gzip) {
                return super.getHeaderNames();
            }
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isContentEncoding(name)).toList());
        }

        private static boolean isContentEncoding(String name) {
            return CONTENT_ENCODING.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Counts the bytes handed out and fails past the cap. The failure is unchecked on purpose: HAPI turns an
     * IOException from the body into its own 400, which would lose the 413.
     */
    private final class CappedStream extends ServletInputStream {
        private final ServletInputStream raw;
        private final boolean gzip;
        private InputStream source;
        private long read;

        CappedStream(ServletInputStream raw, boolean gzip) {
            this.raw = raw;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the cap, so an over-long body is noticed without reading it all.
            int wanted = (int) Math.min(length, maxBytes - read + 1);
            int n = source().read(buffer, offset, Math.max(wanted, 1));
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw tooLarge();
                }
            }
            return n;
        }

        private InputStream source() {
            if (source == null) {
                try {
                    source = gzip ? new GZIPInputStream(raw) : raw;
                } catch (IOException e) {
                    throw new GpConnectException(SpineCode.BAD_REQUEST, "The body is not valid gzip: " + e.getMessage());
                }
            }
            return source;
        }

        @Override
        public boolean isFinished() {
            return raw.isFinished();
        }

        @Override
        public boolean isReady() {
            return raw.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            raw.setReadListener(listener);
        }
    }
}
