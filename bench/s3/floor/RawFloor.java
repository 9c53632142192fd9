import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/// Measurement floor for bench/s3/floor.sh, not product code: the least a JVM process can do to
/// fetch (`get`) or store (`put`) N named objects. SigV4-signed requests (a PUT's payload SHA-256
/// signed, as S3 over plain HTTP wants) over 8 raw keep-alive sockets, JDK classes only; no
/// listing (the keys come from a file), no journal, no checksum of our own, no retries.
/// Usage: java RawFloor get|put ENDPOINT BUCKET PREFIX KEYS_FILE DIR (credentials, region from AWS_*).
public final class RawFloor {
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public static void main(String[] a) throws Exception {
        boolean put = a[0].equals("put");
        URI endpoint = URI.create(a[1]);
        String bucket = a[2], prefix = a[3];
        List<String> names = Files.readAllLines(Path.of(a[4]));
        Path dir = put ? Path.of(a[5]) : Files.createDirectories(Path.of(a[5]));
        String id = System.getenv("AWS_ACCESS_KEY_ID"), secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        AtomicInteger next = new AtomicInteger(), failed = new AtomicInteger();
        Thread[] workers = new Thread[8];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
                    InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
                    OutputStream os = s.getOutputStream();
                    byte[] buf = new byte[1 << 16];
                    for (int i; (i = next.getAndIncrement()) < names.size(); ) {
                        String name = names.get(i), path = "/" + bucket + "/" + prefix + name;
                        byte[] body = put ? Files.readAllBytes(dir.resolve(name)) : new byte[0];
                        String bodyHash = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                        String date = AMZ_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)), day = date.substring(0, 8);
                        String scope = day + "/" + region + "/s3/aws4_request";
                        String signed = (put ? "content-length;" : "") + "host;x-amz-content-sha256;x-amz-date";
                        String canonical = (put ? "PUT" : "GET") + "\n" + path + "\n\n"
                                + (put ? "content-length:" + body.length + "\n" : "") + "host:" + host
                                + "\nx-amz-content-sha256:" + bodyHash + "\nx-amz-date:" + date + "\n\n" + signed + "\n" + bodyHash;
                        String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + sha256(canonical);
                        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day), region), "s3"),
                                "aws4_request");
                        os.write(((put ? "PUT " : "GET ") + path + " HTTP/1.1\r\nHost: " + host
                                + (put ? "\r\nContent-Length: " + body.length : "") + "\r\nx-amz-content-sha256: " + bodyHash
                                + "\r\nx-amz-date: " + date + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=" + id + "/" + scope
                                + ", SignedHeaders=" + signed + ", Signature=" + HEX.formatHex(hmac(key, toSign)) + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        os.write(body);
                        os.flush();
                        if (!line(in).contains(" 200 ")) {
                            failed.incrementAndGet();
                        }
                        long length = 0;
                        for (String h; !(h = line(in)).isEmpty(); ) {
                            if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                                length = Long.parseLong(h.substring(15).trim());
                            }
                        }
                        if (put) {
                            in.skipNBytes(length);
                            continue;
                        }
                        try (OutputStream file = Files.newOutputStream(dir.resolve(name))) {
                            while (length > 0) {
                                int n = in.read(buf, 0, (int) Math.min(buf.length, length));
                                if (n < 0) {
                                    throw new EOFException(name);
                                }
                                file.write(buf, 0, n);
                                length -= n;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " requests failed");
            System.exit(1);
        }
    }

    private static String sha256(String s) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String s) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
