package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.TransferSettings;
import dev.rackside.s3.BandwidthLimits;
import dev.rackside.s3.BandwidthSchedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The transfer limits dialog: caps up and down, parallel transfers and a weekly schedule for every
/// endpoint together. The form is edited freely; [#apply()] checks it, hands the limits to the
/// engines (running transfers slow down or speed up within a fraction of a second) and saves them.
/// Cancelling is [#reset()]: the form goes back to what is in force.
public final class TransferSettingsViewModel {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    // What the operator types: "8:00" as well as "08:00".
    private static final DateTimeFormatter TYPED_HOURS = DateTimeFormatter.ofPattern("H:mm");

    private final BandwidthLimits limits;
    private final IntConsumer concurrencyTarget;
    private final Consumer<TransferSettings> saver;
    private final ZoneId zone;
    private final Messages text;
    private final RateText rates;
    // Read by engines being built off the UI thread (their parallel transfers).
    private volatile TransferSettings saved;

    public final StringProperty upload = new SimpleStringProperty("");
    public final StringProperty download = new SimpleStringProperty("");
    public final IntegerProperty concurrency = new SimpleIntegerProperty(TransferSettings.DEFAULT_CONCURRENCY);
    public final BooleanProperty scheduleOn = new SimpleBooleanProperty();
    private final ObservableList<TransferSettings.Window> windows = FXCollections.observableArrayList();

    // The window being added.
    private final Map<DayOfWeek, BooleanProperty> newDays = new EnumMap<>(DayOfWeek.class);
    public final StringProperty newStart = new SimpleStringProperty("08:00");
    public final StringProperty newEnd = new SimpleStringProperty("18:00");
    public final StringProperty newUpload = new SimpleStringProperty("");
    public final StringProperty newDownload = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inForce = new ReadOnlyStringWrapper("");

    /// @param limits            the limits every engine shares
    /// @param saved             what settings.json holds (already in force in `limits`)
    /// @param concurrencyTarget applies a new number of parallel transfers to every endpoint
    /// @param saver             keeps applied settings for the next run
    /// @param zone              the time zone the schedule's windows are read in
    public TransferSettingsViewModel(BandwidthLimits limits, TransferSettings saved, IntConsumer concurrencyTarget,
                                     Consumer<TransferSettings> saver, ZoneId zone, Messages text) {
        this.limits = limits;
        this.saved = saved;
        this.concurrencyTarget = concurrencyTarget;
        this.saver = saver;
        this.zone = zone;
        this.text = text;
        this.rates = new RateText(text);
        for (DayOfWeek d : DayOfWeek.values()) {
            newDays.put(d, new SimpleBooleanProperty(d.getValue() <= 5)); // weekdays: the usual office hours
        }
        upload.addListener((o, a, b) -> checkCaps());
        download.addListener((o, a, b) -> checkCaps());
        reset();
    }

    public ObservableList<TransferSettings.Window> windows() {
        return windows;
    }

    public BooleanProperty newDay(DayOfWeek day) {
        return newDays.get(day);
    }

    /// Why the form cannot be applied (or the new window added), empty when it can.
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /// "Limits now: ↑ 10 MiB/s · ↓ unlimited" (or "No bandwidth limits"), what the engines obey at this moment.
    public ReadOnlyStringProperty inForceProperty() {
        return inForce.getReadOnlyProperty();
    }

    public TransferSettings saved() {
        return saved;
    }

    /// The form back to what is in force (the dialog opens, or is cancelled).
    public void reset() {
        upload.set(rates.field(saved.uploadLimit()));
        download.set(rates.field(saved.downloadLimit()));
        concurrency.set(saved.concurrency());
        scheduleOn.set(saved.scheduleOn());
        windows.setAll(saved.windows());
        newUpload.set("");
        newDownload.set("");
        problem.set("");
        refresh();
    }

    /// Adds the window described by the new-window fields and switches the schedule on.
    public boolean addWindow() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        newDays.forEach((d, on) -> {
            if (on.get()) {
                days.add(d);
            }
        });
        LocalTime from = time(newStart.get());
        LocalTime to = time(newEnd.get());
        OptionalLong up = rates.parse(newUpload.get());
        OptionalLong down = rates.parse(newDownload.get());
        String wrong = days.isEmpty() ? text.get("limits.problem.noDay")
                : from == null || to == null ? text.get("limits.problem.time")
                : up.isEmpty() || down.isEmpty() ? text.get("limits.problem.rate")
                : up.getAsLong() == 0 && down.getAsLong() == 0 ? text.get("limits.problem.windowUnlimited") : "";
        problem.set(wrong);
        if (!wrong.isEmpty()) {
            return false;
        }
        windows.add(new TransferSettings.Window(days, HOURS.format(from), HOURS.format(to), up.getAsLong(), down.getAsLong()));
        scheduleOn.set(true);
        newUpload.set("");
        newDownload.set("");
        return true;
    }

    public void removeWindow(TransferSettings.Window w) {
        windows.remove(w);
        problem.set("");
        checkCaps();
    }

    /// Checks the form, gives the limits to the engines and saves them. False (with [#problemProperty()]
    /// saying why) when something typed is not a limit.
    public boolean apply() {
        OptionalLong up = unchangedOr(upload.get(), saved.uploadLimit());
        OptionalLong down = unchangedOr(download.get(), saved.downloadLimit());
        if (up.isEmpty() || down.isEmpty()) {
            problem.set(text.get("limits.problem.rate"));
            return false;
        }
        if (!newUpload.get().isBlank() || !newDownload.get().isBlank()) {
            // A window typed but never added would be lost without a word.
            problem.set(text.get("limits.problem.pendingWindow"));
            return false;
        }
        TransferSettings next = new TransferSettings(up.getAsLong(), down.getAsLong(), concurrency.get(),
                scheduleOn.get(), windows);
        next.applyTo(limits, zone);
        if (next.concurrency() != saved.concurrency()) {
            concurrencyTarget.accept(next.concurrency());
        }
        saved = next;
        saver.accept(next);
        problem.set("");
        refresh();
        return true;
    }

    /// Re-reads what is in force (a schedule window may have begun or ended since).
    public void refresh() {
        BandwidthSchedule.Limits now = limits.inForce();
        boolean scheduled = limits.schedule().isPresent();
        inForce.set(!scheduled && now.upload() == 0 && now.download() == 0 ? text.get("limits.none")
                : text.get(scheduled ? "limits.inForce.scheduled" : "limits.inForce",
                rates.limit(now.upload()), rates.limit(now.download())));
    }

    /// "Mon–Fri · 08:00–18:00" (or "Sat, Sun · all day") for the windows table.
    public String when(TransferSettings.Window w) {
        if (w.toEngine().isEmpty()) {
            return text.get("limits.window.unusable", rates.days(w.days()), w.start(), w.end()); // hand-edited
        }
        return w.start().equals(w.end()) ? text.get("limits.window.allDay", rates.days(w.days()))
                : text.get("limits.window.when", rates.days(w.days()), w.start(), w.end());
    }

    /// "↑ 2 MiB/s · ↓ unlimited" for the windows table.
    public String rates(TransferSettings.Window w) {
        return text.get("limits.window.rates", rates.limit(w.upload()), rates.limit(w.download()));
    }

    // What the field shows for the saved limit stands for that exact limit (2.555 shows as 2.56).
    private OptionalLong unchangedOr(String typed, long savedLimit) {
        return typed.equals(rates.field(savedLimit)) ? OptionalLong.of(savedLimit) : rates.parse(typed);
    }

    private void checkCaps() {
        boolean ok = rates.parse(upload.get()).isPresent() && rates.parse(download.get()).isPresent();
        problem.set(ok ? "" : text.get("limits.problem.rate"));
    }

    private static LocalTime time(String typed) {
        try {
            return LocalTime.parse(typed == null ? "" : typed.strip(), TYPED_HOURS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
