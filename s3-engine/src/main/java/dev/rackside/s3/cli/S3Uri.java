package dev.rackside.s3.cli;

/// `s3://bucket/key` as aws-cli writes it; `key` may be empty or end in `/` (a prefix).
record S3Uri(String bucket, String key) {

    static boolean is(String arg) {
        return arg.startsWith("s3://");
    }

    static S3Uri parse(String arg) {
        String rest = arg.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (rest.isEmpty() || slash == 0) {
            throw new IllegalArgumentException("Not an S3 URI (s3://bucket/key): " + arg);
        }
        return slash < 0 ? new S3Uri(rest, "") : new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /// The key as a "folder" prefix: empty, or ending in `/`.
    String asPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
