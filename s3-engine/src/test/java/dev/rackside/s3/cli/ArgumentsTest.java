package dev.rackside.s3.cli;

import dev.rackside.s3.cli.Arguments.Command;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// The command-line grammar without a server: what each line parses to, and what a wrong one says.
class ArgumentsTest {
    static Arguments.Run run(String... args) throws Arguments.UsageError {
        return assertInstanceOf(Arguments.Run.class, Arguments.parse(args));
    }

    @Test
    void globalOptionsComeBeforeTheCommandAndItsOwnOptionsAnywhereAfterIt() throws Exception {
        Arguments.Run r = run("--journal=/tmp/j.db", "--concurrency", "16", "--limit-down", "10M", "--region", "eu-west-1",
                "--virtual-host-style", "cp", "--recursive", "s3://b/p/", "out");
        assertEquals(Command.CP, r.command());
        assertEquals(List.of("s3://b/p/", "out"), r.operands());
        assertTrue(r.recursive());
        assertEquals(Path.of("/tmp/j.db"), r.globals().journal());
        assertEquals(16, r.globals().concurrency());
        assertEquals(10_000_000L, r.globals().limitDown());
        assertEquals(0L, r.globals().limitUp());
        assertEquals("eu-west-1", r.globals().region());
        assertTrue(r.globals().virtualHostStyle());

        Arguments.Run last = run("cp", "a", "s3://b/a", "--recursive");
        assertTrue(last.recursive(), "aws-cli puts --recursive after the operands");
        assertEquals(Arguments.DEFAULT_CONCURRENCY, last.globals().concurrency());
        assertNull(last.globals().journal());
    }

    @Test
    void globalOptionsMayAlsoFollowTheCommandAsInAwsCli() throws Exception {
        Arguments.Run r = run("--region", "us-east-1", "--concurrency", "4", "cp", "a", "s3://b/a",
                "--endpoint-url", "http://127.0.0.1:9000", "--region", "eu-central-1", "--limit-up=1M");
        assertEquals(List.of("a", "s3://b/a"), r.operands());
        assertEquals("http://127.0.0.1:9000", r.globals().endpointUrl());
        assertEquals("eu-central-1", r.globals().region(), "the later one wins");
        assertEquals(4, r.globals().concurrency());
        assertEquals(1_000_000L, r.globals().limitUp());
        assertUsageError("Invalid value for option '--concurrency': '-1' is not a whole number of 1 or more",
                Optional.empty(), "ls", "--concurrency=-1");
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValue() throws Exception {
        assertEquals("b", run("ls", "--region", "a", "--region", "b").globals().region());
        assertEquals("b", run("--region", "a", "--region", "b", "ls").globals().region());
        assertEquals("c", run("--region", "a", "ls", "--region", "b", "--region=c").globals().region());
    }

    @Test
    void operandsThatLookLikeOptionsFollowADoubleDash() throws Exception {
        Arguments.Run r = run("rm", "--", "s3://b/-odd");
        assertEquals(List.of("s3://b/-odd"), r.operands());
        assertFalse(r.recursive());
    }

    @Test
    void filtersKeepTheirOrderAcrossExcludeAndIncludeAndCommandsTakeOnlyTheirFlags() throws Exception {
        Arguments.Run r = run("sync", "--exclude", "*", "dir", "--include=*.iso", "s3://b/p/", "--exclude", "old/*",
                "--delete", "--dryrun", "--quiet");
        assertEquals(List.of("dir", "s3://b/p/"), r.operands());
        assertEquals(List.of("*", "*.iso", "old/*"), r.flags().filters().rules().stream().map(Filters.Rule::pattern).toList());
        assertEquals(List.of(false, true, false), r.flags().filters().rules().stream().map(Filters.Rule::include).toList());
        assertTrue(r.flags().delete() && r.flags().dryRun() && r.flags().quiet());
        assertTrue(run("rm", "s3://b/p/", "--recursive", "--only-show-errors").flags().quiet());
        assertFalse(run("cp", "a", "s3://b/a").flags().dryRun());
        assertUsageError("Unknown option: '--delete'", Optional.of(Command.CP), "cp", "a", "s3://b/a", "--delete");
        assertUsageError("Unknown option: '--exclude'", Optional.of(Command.LS), "ls", "s3://b/", "--exclude", "*");
        assertUsageError("Missing value for option '--exclude'", Optional.of(Command.RM), "rm", "s3://b/", "--exclude");
    }

    @Test
    void lsListsBucketsWithoutAnOperand() throws Exception {
        assertEquals(List.of(), run("ls").operands());
        assertEquals(List.of("s3://b/"), run("ls", "s3://b/").operands());
    }

    @Test
    void helpAndVersion() throws Exception {
        assertEquals(new Arguments.Help(Optional.empty()), Arguments.parse());
        assertEquals(new Arguments.Help(Optional.empty()), Arguments.parse("--help"));
        assertEquals(new Arguments.Help(Optional.of(Command.SYNC)), Arguments.parse("sync", "-h"));
        assertEquals(new Arguments.Version(), Arguments.parse("-V"));
    }

    @Test
    void wrongLinesSayWhatIsWrongAndWhichUsageToShow() {
        assertUsageError("Unknown command: 'copy'", Optional.empty(), "copy", "a", "b");
        assertUsageError("Unknown option: '--bogus'", Optional.empty(), "--bogus", "ls");
        assertUsageError("Unknown option: '--force'", Optional.of(Command.RM), "rm", "s3://b/k", "--force");
        assertUsageError("Unknown option: '--recursive'", Optional.of(Command.SYNC), "sync", "a", "s3://b/", "--recursive");
        assertUsageError("Unknown option: '--recursive'", Optional.empty(), "--recursive", "cp", "a", "b");
        assertUsageError("Missing DST for cp.", Optional.of(Command.CP), "cp", "a");
        assertUsageError("Missing SRC and DST for sync.", Optional.of(Command.SYNC), "sync");
        assertUsageError("Unexpected argument for rm: 's3://b/2'", Optional.of(Command.RM), "rm", "s3://b/1", "s3://b/2");
        assertUsageError("Missing value for option '--journal'", Optional.empty(), "--journal");
        assertUsageError("Invalid value for option '--concurrency': '0' is not a whole number of 1 or more", Optional.empty(),
                "--concurrency", "0", "ls");
        assertUsageError("Invalid value for option '--concurrency': 'many' is not a whole number of 1 or more",
                Optional.empty(), "--concurrency", "many", "ls");
        assertUsageError("Invalid value for option '--limit-up': '5Q' (a rate such as 500K, 10M, 10MiB/s or 1G)", Optional.empty(),
                "--limit-up", "5Q", "ls");
        assertUsageError("Invalid value for option '--limit-down': 'M' (a rate such as 500K, 10M, 10MiB/s or 1G)", Optional.empty(),
                "--limit-down", "M", "ls");
    }

    @Test
    void longOptionsAreNotAbbreviated() {
        assertUsageError("Unknown option: '--concur'", Optional.empty(), "--concur", "4", "ls");
    }

    @Test
    void theToolAnswersUsageErrorsWithExitCodeTwoAndTheUsageOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RacksideS3.run(Map.of(), new PrintWriter(out), new PrintWriter(err), "cp", "only-one");
        assertEquals(2, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("Missing DST for cp." + System.lineSeparator()
                + "Usage: rackside-s3 [OPTIONS] cp SRC DST [--recursive]"), err.toString());

        StringWriter help = new StringWriter();
        assertEquals(0, RacksideS3.run(Map.of(), new PrintWriter(help), new PrintWriter(new StringWriter()), "--help"));
        for (Command c : Command.values()) {
            assertTrue(help.toString().contains("  " + c.word + " "), "the help lists " + c.word + ":\n" + help);
        }
        assertTrue(help.toString().contains("--endpoint-url <URL>"), help.toString());

        StringWriter version = new StringWriter();
        assertEquals(0, RacksideS3.run(Map.of(), new PrintWriter(version), new PrintWriter(new StringWriter()), "--version"));
        assertEquals(Arguments.VERSION, version.toString().strip());
    }

    private static void assertUsageError(String message, Optional<Command> usage, String... args) {
        Arguments.UsageError e = assertThrows(Arguments.UsageError.class, () -> Arguments.parse(args), String.join(" ", args));
        assertEquals(message, e.getMessage());
        assertEquals(usage, e.command());
    }
}
