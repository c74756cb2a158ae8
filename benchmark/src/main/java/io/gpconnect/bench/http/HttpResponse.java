package io.gpconnect.bench.http;

/** What the load generator keeps of an answer: status, body and the Location of a created resource. */
public record HttpResponse(int status, byte[] body, String location, boolean closeAfter) {

    public String text() {
        return HttpConnection.text(body);
    }
}
