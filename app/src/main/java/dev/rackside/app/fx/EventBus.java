package dev.rackside.app.fx;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/// App-wide signals as typed records (`ConnectionAdded`, `TaskStarted`); everything else goes
/// through property binding. Subscribers are called on the publishing thread.
public final class EventBus {
    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();

    /// Subscribes; the returned handle unsubscribes (call it when the view is detached).
    @SuppressWarnings("unchecked")
    public <E> Runnable subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Consumer<Object> c = e -> subscriber.accept((E) e);
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(c);
        return () -> subscribers.getOrDefault(type, List.of()).remove(c);
    }

    public void publish(Object event) {
        subscribers.forEach((type, list) -> {
            if (type.isInstance(event)) {
                list.forEach(s -> s.accept(event));
            }
        });
    }
}
