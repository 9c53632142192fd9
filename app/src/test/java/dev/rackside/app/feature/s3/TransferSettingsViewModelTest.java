package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.TransferSettings;
import dev.rackside.s3.BandwidthLimits;
import dev.rackside.s3.BandwidthSchedule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The limits dialog's model without a toolkit: what is typed becomes the engines' limits and the
/// saved settings, and what is not a limit is refused with a reason.
class TransferSettingsViewModelTest {
    static final long MIB = 1024 * 1024;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Monday 23 November 2026, 10:00 in Paris
    static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), PARIS);

    final List<TransferSettings> saved = new ArrayList<>();
    final List<Integer> concurrency = new ArrayList<>();

    TransferSettingsViewModel model(TransferSettings start, BandwidthLimits limits, Locale locale) {
        return new TransferSettingsViewModel(limits, start, concurrency::add, saved::add, PARIS,
                Messages.of(TransferSettingsViewModel.class, locale));
    }

    @Test
    void appliedCapsReachTheEnginesAndAreSaved() {
        BandwidthLimits limits = TransferSettings.defaults().toLimits(PARIS, MONDAY_MORNING);
        TransferSettingsViewModel vm = model(TransferSettings.defaults(), limits, Locale.ENGLISH);
        assertEquals("No bandwidth limits", vm.inForceProperty().get());

        vm.upload.set("10");
        vm.download.set(" 2.5 ");
        vm.concurrency.set(4);
        assertTrue(vm.apply());
        assertEquals(new BandwidthSchedule.Limits(10 * MIB, Math.round(2.5 * MIB)), limits.inForce());
        assertEquals(List.of(4), concurrency);
        assertEquals(new TransferSettings(10 * MIB, Math.round(2.5 * MIB), 4, false, List.of()), saved.getLast());
        assertEquals("Limits now: \u2191 10 MiB/s \u00b7 \u2193 2.5 MiB/s", vm.inForceProperty().get());

        // Empty is unlimited again; an unchanged parallel count is not re-applied.
        vm.upload.set("");
        assertTrue(vm.apply());
        assertEquals(0, limits.inForce().upload());
        assertEquals(List.of(4), concurrency);
    }

    @Test
    void whatIsNotALimitIsRefusedAndNothingChanges() {
        BandwidthLimits limits = new BandwidthLimits(3 * MIB, 0, null, MONDAY_MORNING);
        TransferSettings start = new TransferSettings(3 * MIB, 0, 8, false, List.of());
        TransferSettingsViewModel vm = model(start, limits, Locale.ENGLISH);
        assertEquals("3", vm.upload.get());
        for (String bad : List.of("ten", "-1", "1e3", "NaN", "5 MB", "2000000", "0.004")) {
            vm.upload.set(bad);
            assertTrue(vm.problemProperty().get().startsWith("Enter a limit in MiB/s"), bad + ": " + vm.problemProperty().get());
            assertFalse(vm.apply(), bad);
        }
        assertEquals(3 * MIB, limits.inForce().upload());
        assertTrue(saved.isEmpty());
        vm.upload.set("4");
        assertEquals("", vm.problemProperty().get(), "the message goes once the field is right");
        vm.reset();
        assertEquals("3", vm.upload.get(), "Cancel puts the form back to what is in force");
    }

    @Test
    void aWeekdayWindowLimitsDuringOfficeHoursOnly() {
        BandwidthLimits limits = new BandwidthLimits(0, 0, null, MONDAY_MORNING);
        TransferSettingsViewModel vm = model(TransferSettings.defaults(), limits, Locale.ENGLISH);
        // the new-window form starts on Monday to Friday, 08:00 to 18:00
        vm.newUpload.set("1");
        assertTrue(vm.addWindow());
        assertTrue(vm.scheduleOn.get(), "adding a window switches the schedule on");
        TransferSettings.Window w = vm.windows().getFirst();
        assertEquals("Mon\u2013Fri \u00b7 08:00\u201318:00", vm.when(w));
        assertEquals("\u2191 1 MiB/s \u00b7 \u2193 unlimited", vm.rates(w));
        assertTrue(vm.apply());
        assertEquals(new BandwidthSchedule.Limits(MIB, 0), limits.inForce(), "Monday 10:00 in Paris is in the window");
        assertEquals("Limits now (schedule on): \u2191 1 MiB/s \u00b7 \u2193 unlimited", vm.inForceProperty().get());
        assertEquals(PARIS, limits.schedule().orElseThrow().zone());

        // The same settings read on a Saturday: the window does not apply.
        Clock saturday = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), PARIS);
        assertEquals(new BandwidthSchedule.Limits(0, 0), saved.getLast().toLimits(PARIS, saturday).inForce());

        // Switching the schedule off keeps its windows but lifts their limits.
        vm.scheduleOn.set(false);
        assertTrue(vm.apply());
        assertEquals(new BandwidthSchedule.Limits(0, 0), limits.inForce());
        assertEquals(1, saved.getLast().windows().size());
        assertTrue(limits.schedule().isEmpty());
    }

    @Test
    void aWindowNeedsDaysReadableTimesAndALimit() {
        TransferSettingsViewModel vm = model(TransferSettings.defaults(), BandwidthLimits.unlimited(), Locale.ENGLISH);
        vm.newUpload.set("2");
        for (DayOfWeek d : DayOfWeek.values()) {
            vm.newDay(d).set(false);
        }
        assertFalse(vm.addWindow());
        assertEquals("Choose at least one day for the window.", vm.problemProperty().get());
        vm.newDay(DayOfWeek.SATURDAY).set(true);
        vm.newDay(DayOfWeek.SUNDAY).set(true);
        vm.newStart.set("25:00");
        assertFalse(vm.addWindow());
        assertTrue(vm.problemProperty().get().startsWith("Enter times"), vm.problemProperty().get());
        vm.newStart.set("18:00");
        vm.newEnd.set("6:30");
        vm.newUpload.set("");
        assertFalse(vm.addWindow());
        assertEquals("Give the window an upload or a download limit.", vm.problemProperty().get());
        vm.newDownload.set("50");
        assertTrue(vm.addWindow());
        TransferSettings.Window w = vm.windows().getFirst();
        assertEquals(new TransferSettings.Window(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "18:00", "06:30", 0, 50 * MIB), w);
        assertEquals("Sat, Sun \u00b7 18:00\u201306:30", vm.when(w));
        vm.removeWindow(w);
        assertTrue(vm.windows().isEmpty());
    }

    @Test
    void frenchOperatorsTypeADecimalCommaAndReadFrenchText() {
        BandwidthLimits limits = BandwidthLimits.unlimited();
        TransferSettingsViewModel vm = model(TransferSettings.defaults(), limits, Locale.FRENCH);
        vm.download.set("2,5");
        assertTrue(vm.apply());
        assertEquals(Math.round(2.5 * MIB), limits.inForce().download());
        assertEquals("2,5", vm.download.get());
        assertEquals("Limites actuelles : \u2191 illimité \u00b7 \u2193 2,5 Mio/s", vm.inForceProperty().get());
        vm.newDay(DayOfWeek.WEDNESDAY).set(false);
        vm.newUpload.set("1");
        assertTrue(vm.addWindow());
        assertEquals("lun., mar., jeu., ven. \u00b7 08:00\u201318:00", vm.when(vm.windows().getFirst()));
    }

    @Test
    void whatTheFieldShowsStandsForTheExactLimitAndSmallLimitsReadBack() {
        long odd = 2_679_112; // 2.555 MiB/s, shown as 2.56
        BandwidthLimits limits = new BandwidthLimits(odd, 0, null, MONDAY_MORNING);
        TransferSettingsViewModel vm = model(new TransferSettings(odd, 0, 8, false, List.of()), limits, Locale.ENGLISH);
        assertEquals("2.56", vm.upload.get());
        vm.concurrency.set(3);
        assertTrue(vm.apply());
        assertEquals(odd, limits.inForce().upload(), "applying other changes keeps the limit exactly");
        vm.download.set("0.01");
        assertTrue(vm.apply());
        assertEquals(Math.round(0.01 * MIB), limits.inForce().download());
        assertEquals("0.01", vm.download.get());
        vm.download.set("10\u00a0");
        assertTrue(vm.apply(), "a pasted no-break space is no problem");
    }

    @Test
    void aWindowTypedButNotAddedKeepsTheDialogOpen() {
        TransferSettingsViewModel vm = model(TransferSettings.defaults(), BandwidthLimits.unlimited(), Locale.ENGLISH);
        vm.newUpload.set("5");
        assertFalse(vm.apply());
        assertTrue(vm.problemProperty().get().startsWith("Add the window you started"), vm.problemProperty().get());
        assertTrue(saved.isEmpty());
        vm.newStart.set("0:00");
        vm.newEnd.set("00:00");
        assertTrue(vm.addWindow());
        assertEquals("", vm.newUpload.get(), "the form is ready for the next window");
        assertEquals("Mon\u2013Fri \u00b7 all day", vm.when(vm.windows().getFirst()));
        assertTrue(vm.apply());
        vm.newDownload.set("3");
        vm.reset();
        assertEquals("", vm.newDownload.get(), "cancelling drops a half-typed window too");
    }
}
