package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// S3's bucket naming rules, as the new-bucket dialog checks them while the operator types.
class BucketNamesTest {
    @Test
    void eachRuleHasItsOwnReason() {
        Map<String, Optional<BucketNames.Problem>> cases = new LinkedHashMap<>();
        cases.put("iso-images", Optional.empty());
        cases.put("backups.lab-2026", Optional.empty());
        cases.put("abc", Optional.empty());
        cases.put("a".repeat(63), Optional.empty());
        cases.put("ab", Optional.of(BucketNames.Problem.LENGTH));
        cases.put("a".repeat(64), Optional.of(BucketNames.Problem.LENGTH));
        cases.put("My-Bucket", Optional.of(BucketNames.Problem.CHARACTERS));
        cases.put("my_bucket", Optional.of(BucketNames.Problem.CHARACTERS));
        cases.put("my bucket", Optional.of(BucketNames.Problem.CHARACTERS));
        cases.put("-backups", Optional.of(BucketNames.Problem.EDGES));
        cases.put("backups.", Optional.of(BucketNames.Problem.EDGES));
        cases.put("lab..backups", Optional.of(BucketNames.Problem.DOTS));
        cases.put("192.168.10.20", Optional.of(BucketNames.Problem.IP_ADDRESS));
        cases.put("xn--bucket", Optional.of(BucketNames.Problem.RESERVED));
        cases.put("images-s3alias", Optional.of(BucketNames.Problem.RESERVED));
        cases.put("images--x-s3", Optional.of(BucketNames.Problem.RESERVED));
        Map<String, Optional<BucketNames.Problem>> found = new LinkedHashMap<>();
        cases.keySet().forEach(n -> found.put(n, BucketNames.problem(n)));
        assertEquals(cases, found);
    }
}
