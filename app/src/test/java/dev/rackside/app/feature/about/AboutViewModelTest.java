package dev.rackside.app.feature.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/// The About facts from the build's resources, and license-maven-plugin's list read correctly.
class AboutViewModelTest {
    private static final String LIST = """

            Lists of 3 third-party dependencies.
                 (The MIT License (MIT)) java-otp (com.eatthepath:java-otp:0.4.0 - https://github.com/jchambers/java-otp)
                 (Apache-2.0) (LGPL-2.1-or-later) Java Native Access (net.java.dev.jna:jna:5.13.0 - https://github.com/java-native-access/jna)
                 (GPLv2+CE) javafx base (org.openjfx:javafx-base:26.0.2 - https://openjdk.java.net/projects/openjfx/)
            """;

    @Test
    void readsLicencesNamesCoordinatesAndUrls() {
        List<AboutViewModel.Library> libs = AboutViewModel.parseThirdParty(LIST);
        assertEquals(3, libs.size());
        assertEquals(new AboutViewModel.Library("java-otp", "com.eatthepath:java-otp:0.4.0", List.of("The MIT License (MIT)"),
                "https://github.com/jchambers/java-otp"), libs.get(0));
        assertEquals(List.of("Apache-2.0", "LGPL-2.1-or-later"), libs.get(1).licences());
        assertEquals("org.openjfx:javafx-base:26.0.2", libs.get(2).coordinates());
    }

    @Test
    void showsVersionCommitAndItsDay() {
        Properties build = new Properties();
        build.setProperty("git.build.version", "0.3.0");
        build.setProperty("git.commit.id.abbrev", "9d14108");
        build.setProperty("git.commit.time", "2026-11-22T05:37:43Z");
        build.setProperty("git.dirty", "false");
        AboutViewModel vm = new AboutViewModel(build, new Properties(), LIST, "Temurin 25");
        assertEquals("0.3.0", vm.version());
        assertEquals("9d14108", vm.commit());
        assertEquals("2026-11-22", vm.commitDate());
        assertFalse(vm.modified());
        assertEquals(3, vm.libraries().size());
    }

    @Test
    void withoutGitFallsBackToTheJarsVersionAndSaysNothingOfACommit() {
        Properties pom = new Properties();
        pom.setProperty("version", "0.3.0");
        AboutViewModel vm = new AboutViewModel(new Properties(), pom, "", "Temurin 25");
        assertEquals("0.3.0", vm.version());
        assertNull(vm.commit());
        assertNull(vm.commitDate());
        assertTrue(vm.libraries().isEmpty());
    }

    @Test
    void thisBuildCarriesItsResources() {
        // Written by app/pom.xml (git-commit-id and license-maven-plugin) into target/classes.
        AboutViewModel vm = AboutViewModel.ofThisBuild();
        assertFalse(vm.libraries().isEmpty(), "third-party.txt missing from the build");
        assertTrue(vm.libraries().stream().anyMatch(l -> l.coordinates().startsWith("org.openjfx:javafx-controls:")));
        assertTrue(vm.runtime().contains("JavaFX") || !vm.runtime().isEmpty());
    }
}
