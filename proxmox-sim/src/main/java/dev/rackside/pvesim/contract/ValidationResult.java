package dev.rackside.pvesim.contract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/// The outcome of [ParameterValidator]: PVE's per-parameter error messages, and the
/// parameters parsed to Java types for request handlers.
///
/// @param errors parameter name (or PVE's nested path like `net0.model`) -> PVE's message,
///               verbatim, including the trailing "\n" PVE keeps on format errors; empty when valid
/// @param values every supplied parameter: `Long` for integers, `Double` for numbers,
///               `Boolean` for booleans, `List<Object>` for arrays, `String` otherwise (property
///               strings and `-list` formats stay strings, as PVE hands them to its handlers)
public record ValidationResult(Map<String, String> errors, Map<String, Object> values) {

    /// The HTTP reason phrase PVE sends with status 400 when `errors` is not empty.
    public static final String MESSAGE = "Parameter verification failed.";

    public ValidationResult {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
