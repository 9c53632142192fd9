package dev.rackside.s3.internal;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;

/// Turns an S3 error response of [LeanObjects] into the exception the `S3Client` throws for it:
/// an `S3Exception` (a `NoSuchKeyException` for `NoSuchKey`) with the status, the error code and
/// message from the XML body, and the response itself, so [Errors] maps both paths alike.
final class LeanErrors {
    private LeanErrors() {
    }

    static S3Exception toException(SdkHttpResponse response, byte[] body) {
        int status = response.statusCode();
        Document xml = parse(body);
        String code = text(xml, "Code");
        String message = text(xml, "Message");
        if (code == null) {
            // HEAD-like answers without a body (and some proxies) carry only the status, which the
            // SDK turns into these codes as well.
            code = switch (status) {
                case 304 -> "NotModified";
                case 403 -> "Forbidden";
                case 404 -> "NotFound";
                case 412 -> "PreconditionFailed";
                default -> null;
            };
        }
        String requestId = text(xml, "RequestId");
        if (requestId == null) {
            requestId = response.firstMatchingHeader("x-amz-request-id").orElse(null);
        }
        var details = AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3")
                .sdkHttpResponse(response).rawResponse(software.amazon.awssdk.core.SdkBytes.fromByteArray(body)).build();
        // S3Exception appends service, status and request id to this itself.
        String text = message == null ? "Service returned HTTP status code " + status : message;
        S3Exception.Builder b = "NoSuchKey".equals(code) ? NoSuchKeyException.builder() : S3Exception.builder();
        return (S3Exception) b.statusCode(status).awsErrorDetails(details).requestId(requestId).message(text).build();
    }

    private static Document parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            var f = DocumentBuilderFactory.newInstance();
            // Error bodies come from the network: no DTDs, no external entities.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            return null; // not XML (a proxy's HTML page): the status alone must do
        }
    }

    private static String text(Document xml, String element) {
        if (xml == null) {
            return null;
        }
        Node root = xml.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (element.equals(n.getNodeName())) {
                String t = n.getTextContent();
                return t == null || t.isBlank() ? null : t.trim();
            }
        }
        return null;
    }
}
