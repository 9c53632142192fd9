package dev.rackside.app.feature.s3;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/// S3's rules for a new bucket's name (AWS's general purpose buckets; MinIO, Ceph RGW, R2, B2 and
/// Garage follow the same core rules), checked while the operator types instead of after a round
/// trip that ends in "InvalidBucketName".
final class BucketNames {
    /// What is wrong with a name; the dialog says it in the operator's language (`bucket.name.*`).
    enum Problem { LENGTH, CHARACTERS, EDGES, DOTS, IP_ADDRESS, RESERVED }

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    static Optional<Problem> problem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of(Problem.LENGTH);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of(Problem.CHARACTERS);
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return Optional.of(Problem.EDGES);
        }
        if (name.contains("..")) {
            return Optional.of(Problem.DOTS);
        }
        if (IP.matcher(name).matches()) {
            return Optional.of(Problem.IP_ADDRESS);
        }
        if (RESERVED_PREFIXES.stream().anyMatch(name::startsWith) || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return Optional.of(Problem.RESERVED);
        }
        return Optional.empty();
    }
}
