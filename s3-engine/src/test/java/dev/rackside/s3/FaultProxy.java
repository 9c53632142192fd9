package dev.rackside.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/// A loopback HTTP/1.1 reverse proxy in front of a real S3 server that misbehaves on request:
/// drops connections, delays, answers 500 or 503 SlowDown or any canned response, and flips a
/// byte in a request or response body. Faults are matched on the request line ("GET /b/k?x HTTP/1.1").
public final class FaultProxy implements AutoCloseable {

    /// HIDE_SSE: the answer loses its x-amz-server-side-encryption headers, as Garage never sends them.
    /// ADD_HEADERS: the server's answer gains headers (see [#addHeaders]).
    enum Kind { PASS, DROP, DROP_MID_BODY, ERROR_500, SLOW_DOWN, DELAY, FLIP_RESPONSE, FLIP_REQUEST, CANNED, IGNORE_RANGE, HIDE_SSE,
        ADD_HEADERS }

    private static final class Fault {
        final Predicate<String> matches;
        final Kind kind;
        final AtomicInteger left;
        final String canned;

        Fault(Predicate<String> matches, Kind kind, int times, String canned) {
            this.matches = matches;
            this.kind = kind;
            this.left = new AtomicInteger(times);
            this.canned = canned;
        }
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /// The `Range` header of each request in [#requests] ("" without one), same order.
    final List<String> ranges = new CopyOnWriteArrayList<>();
    /// The whole request head (request line and headers, names as sent) of each request, same order.
    public final List<String> heads = new CopyOnWriteArrayList<>();
    /// Request line, a newline, then the body as UTF-8, of each request with a body up to 4 KiB (XML).
    public final List<String> smallBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger injected = new AtomicInteger();

    public FaultProxy(URI upstream) throws IOException {
        this.upstreamPort = upstream.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /// Applies `kind` to the next `times` requests whose request line matches.
    FaultProxy inject(Predicate<String> requestLine, Kind kind, int times) {
        faults.add(new Fault(requestLine, kind, times, null));
        return this;
    }

    /// Answers the next `times` matching requests with a raw HTTP response (head and body).
    FaultProxy canned(Predicate<String> requestLine, int status, String headers, String body, int times) {
        String raw = "HTTP/1.1 " + status + " X\r\n" + headers + "Content-Type: application/xml\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        faults.add(new Fault(requestLine, Kind.CANNED, times, raw));
        return this;
    }

    /// Adds `headers` (lines ending in CRLF) to the server's answers to the next `times` matching requests.
    public FaultProxy addHeaders(Predicate<String> requestLine, String headers, int times) {
        faults.add(new Fault(requestLine, Kind.ADD_HEADERS, times, headers));
        return this;
    }

    static String s3Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault</RequestId></Error>";
    }

    /// Answers every request with a header whose name starts with one of `prefixes` as Backblaze B2
    /// answers S3's checksum headers: 400 InvalidArgument "Unsupported header '…' received for this API call".
    public FaultProxy refuseHeaders(String... prefixes) {
        refusedPrefixes = java.util.Arrays.stream(prefixes).map(p -> p.toLowerCase(Locale.ROOT)).toList();
        return this;
    }

    private volatile List<String> refusedPrefixes = List.of();

    private String refusedHeader(String head) {
        for (String h : head.split("\r\n")) {
            int colon = h.indexOf(':');
            String name = colon > 0 ? h.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            if (!name.isEmpty() && refusedPrefixes.stream().anyMatch(name::startsWith)) {
                return name;
            }
        }
        return null;
    }

    void clear() {
        faults.clear();
        injected.set(0);
        requests.clear();
        ranges.clear();
        heads.clear();
    }

    private Fault pick(String line) {
        for (Fault f : faults) {
            if (f.matches.test(line) && f.left.getAndDecrement() > 0) {
                injected.incrementAndGet();
                return f;
            }
        }
        return null;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                String head = HttpWire.readHead(in);
                if (head == null) {
                    return;
                }
                String line = head.substring(0, head.indexOf("\r\n"));
                ranges.add(HttpWire.text(head, "range"));
                heads.add(head);
                requests.add(line);
                if (head.toLowerCase(Locale.ROOT).contains("\r\nexpect: 100-continue")) {
                    // Answer the interim response here and keep it from the server: one final answer per request.
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    head = head.replaceAll("(?i)\r\nexpect: 100-continue", "");
                }
                byte[] body = in.readNBytes((int) HttpWire.header(head, "content-length", 0));
                if (body.length > 0 && body.length <= 4096) {
                    smallBodies.add(line + "\n" + new String(body, StandardCharsets.UTF_8));
                }
                String unsupported = refusedHeader(head);
                if (unsupported != null) {
                    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code><Message>"
                            + "Unsupported header '" + unsupported + "' received for this API call.</Message></Error>";
                    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (!line.startsWith("HEAD ")) {
                        out.write(bytes);
                    }
                    out.flush();
                    continue;
                }
                Fault f = pick(line);
                Kind kind = f == null ? null : f.kind;
                if (kind == Kind.DROP) {
                    return;
                }
                if (kind == Kind.ERROR_500 || kind == Kind.SLOW_DOWN || kind == Kind.CANNED) {
                    String raw = kind == Kind.CANNED ? f.canned : error(kind);
                    if (line.startsWith("HEAD ")) {
                        raw = raw.substring(0, raw.indexOf("\r\n\r\n") + 4); // HEAD answers carry no body
                    }
                    out.write(raw.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                if (kind == Kind.DELAY) {
                    Thread.sleep(2_000);
                }
                if (kind == Kind.FLIP_REQUEST && body.length > 0) {
                    body[body.length / 2] ^= 0x01;
                }
                if (!forward(line, head, body, out, f)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to do
        }
    }

    private static String error(Kind kind) {
        String body = kind == Kind.SLOW_DOWN ? s3Error("SlowDown", "Please reduce your request rate.")
                : s3Error("InternalError", "We encountered an internal error. Please try again.");
        return "HTTP/1.1 " + (kind == Kind.SLOW_DOWN ? "503 Slow Down" : "500 Internal Server Error")
                + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /// Sends one request upstream and relays the answer; false when the client connection was dropped.
    private boolean forward(String line, String head, byte[] body, OutputStream out, Fault fault) throws IOException {
        Kind kind = fault == null ? null : fault.kind;
        try (Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream uo = up.getOutputStream();
            uo.write(head.getBytes(StandardCharsets.ISO_8859_1));
            uo.write(body);
            uo.flush();
            InputStream ui = up.getInputStream();
            String responseHead = HttpWire.readHead(ui);
            while (responseHead != null && responseHead.startsWith("HTTP/1.1 1")) {
                responseHead = HttpWire.readHead(ui);
            }
            if (responseHead == null) {
                return false;
            }
            int status = Integer.parseInt(responseHead.split(" ")[1]);
            byte[] responseBody;
            if (line.startsWith("HEAD ") || status == 204 || status == 304) {
                responseBody = new byte[0];
            } else if (responseHead.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                responseBody = HttpWire.readChunked(ui);
            } else {
                responseBody = ui.readNBytes((int) HttpWire.header(responseHead, "content-length", 0));
            }
            if (kind == Kind.FLIP_RESPONSE && responseBody.length > 0 && !responseHead.contains("chunked")) {
                responseBody[responseBody.length / 2] ^= 0x01;
            }
            if (kind == Kind.IGNORE_RANGE) {
                // Answer as a server without range support does: 200 and no Content-Range. (Its body
                // would be the object from byte 0; the client must not get as far as reading it.)
                responseHead = responseHead.replaceFirst("^HTTP/1.1 206 [^\r]*", "HTTP/1.1 200 OK")
                        .replaceAll("(?i)\r\ncontent-range:[^\r]*", "");
            }
            if (kind == Kind.HIDE_SSE) {
                responseHead = responseHead.replaceAll("(?i)\r\nx-amz-server-side-encryption[^\r]*", "");
            }
            if (kind == Kind.ADD_HEADERS) {
                responseHead = responseHead.substring(0, responseHead.length() - 2) + fault.canned + "\r\n";
            }
            out.write(responseHead.getBytes(StandardCharsets.ISO_8859_1));
            if (kind == Kind.DROP_MID_BODY) {
                out.write(responseBody, 0, responseBody.length / 2);
                out.flush();
                return false;
            }
            out.write(responseBody);
            out.flush();
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
