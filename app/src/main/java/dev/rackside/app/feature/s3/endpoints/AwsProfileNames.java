package dev.rackside.app.feature.s3.endpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// The profile names aws-cli knows: sections of `~/.aws/config` (`[default]`, `[profile NAME]`)
/// and `~/.aws/credentials` (`[NAME]`), at the places `AWS_CONFIG_FILE` and
/// `AWS_SHARED_CREDENTIALS_FILE` may move them to. Only names are read, never keys.
final class AwsProfileNames {
    private AwsProfileNames() {
    }

    static List<String> find(Map<String, String> env, Path home) {
        TreeSet<String> names = new TreeSet<>();
        read(file(env, "AWS_CONFIG_FILE", home.resolve(".aws").resolve("config")), true, names);
        read(file(env, "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws").resolve("credentials")), false, names);
        return List.copyOf(names);
    }

    static List<String> forThisMachine() {
        return find(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Path file(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    private static void read(Path file, boolean config, TreeSet<String> names) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // no such file: aws-cli is simply not set up here
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith("[") || !line.endsWith("]")) {
                continue;
            }
            String section = line.substring(1, line.length() - 1).strip();
            if (config) {
                // [sso-session x] and [services x] are not profiles; in config, only "default" goes without the prefix
                if (section.startsWith("profile ")) {
                    names.add(section.substring("profile ".length()).strip());
                } else if (section.equals("default")) {
                    names.add(section);
                }
            } else if (!section.isEmpty()) {
                names.add(section);
            }
        }
    }
}
