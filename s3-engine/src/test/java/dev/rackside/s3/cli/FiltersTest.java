package dev.rackside.s3.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// aws-cli's filter rules: Python's fnmatch patterns, the last matching one deciding.
class FiltersTest {
    static boolean matches(String pattern, String path) {
        return !new Filters(List.of(Filters.Rule.of(false, pattern))).test(path);
    }

    @Test
    void starCrossesFoldersAndQuestionMarkIsOneCharacter() {
        assertTrue(matches("*.iso", "debian.iso"));
        assertTrue(matches("*.iso", "images/2026/debian.iso"), "* takes '/' too, as fnmatch's does");
        assertFalse(matches("*.iso", "debian.iso.sha256"));
        assertTrue(matches("logs/*", "logs/a/b.txt"));
        assertFalse(matches("logs/*", "old/logs/a.txt"), "a pattern is matched against the whole path");
        assertTrue(matches("disk?.img", "disk1.img"));
        assertFalse(matches("disk?.img", "disk12.img"));
    }

    @Test
    void setsRangesAndNegatedSets() {
        assertTrue(matches("v[0-9].txt", "v7.txt"));
        assertFalse(matches("v[0-9].txt", "vx.txt"));
        assertTrue(matches("[!.]*", "visible"));
        assertFalse(matches("[!.]*", ".hidden"));
        assertTrue(matches("a[]]b", "a]b"), "a ']' first in a set is one of its characters");
        assertTrue(matches("x[-a]", "x-"), "a '-' first in a set is literal");
        assertTrue(matches("[ab", "[ab"), "an unclosed '[' is literal");
    }

    @Test
    void reversedRangesMatchNothingAsInPython() {
        assertFalse(matches("[z-a]x", "zx"));
        assertFalse(matches("[z-a]x", "x"));
        assertTrue(matches("[!z-a]x", "qx"), "a negated empty set is any character");
        assertTrue(matches("[z-ab]x", "bx"), "only the reversed range is dropped");
    }

    @Test
    void charactersSpecialToJavaRegexAreLiteralInSets() {
        if (File.separatorChar != '\\') { // on Windows '\\' is the folder separator, as in aws-cli
            assertTrue(matches("[\\]", "\\"));
        }
        assertTrue(matches("[^a]", "^"));
        assertFalse(matches("[^a]", "b"), "'^' inside a set is a character, not a negation");
        assertTrue(matches("[a&&b]", "&"));
        assertTrue(matches("[[]", "["));
        assertTrue(matches("[a-c-e]", "b") && matches("[a-c-e]", "-") && matches("[a-c-e]", "e"), "as Python: a-c, '-', e");
        assertFalse(matches("[a-c-e]", "d"));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneCharacter() {
        assertTrue(matches("\uD83D\uDCF7/*", "\uD83D\uDCF7/beach.jpg"));
        assertTrue(matches("?.png", "\uD83D\uDE00.png"), "'?' takes an emoji whole");
        assertTrue(matches("[\uD83D\uDE00\uD83D\uDCF7].txt", "\uD83D\uDCF7.txt"));
    }

    @Test
    void everythingElseIsLiteral() {
        assertTrue(matches("a+b(c).txt", "a+b(c).txt"));
        assertFalse(matches("a+b(c).txt", "aab(c)xtxt"));
        assertTrue(matches("$HOME+x", "$HOME+x"));
        assertTrue(matches("caf\u00e9/*", "caf\u00e9/menu"));
    }

    @Test
    void theLastMatchingRuleDecidesAndNoRuleMeansIncluded() {
        Filters isos = new Filters(List.of(Filters.Rule.of(false, "*"), Filters.Rule.of(true, "*.iso")));
        assertTrue(isos.test("a/b/debian.iso"));
        assertFalse(isos.test("a/b/notes.txt"));
        Filters reversed = new Filters(List.of(Filters.Rule.of(true, "*.iso"), Filters.Rule.of(false, "*")));
        assertFalse(reversed.test("debian.iso"), "a later --exclude overrides an earlier --include");
        assertTrue(Filters.NONE.test("anything/at/all"));
    }
}
