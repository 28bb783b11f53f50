package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fold dispatches on the event's type: a type without a rule would be found only when one
 * arrives. Every permitted subtype of {@link Event} must reach a rule of its own (which may well
 * refuse an empty instance, but not for want of a rule).
 */
class FoldCoversEveryEventTest {

    @Test
    void everyEventTypeHasARule() throws Exception {
        List<String> missing = new ArrayList<>();
        Situation s = Fixtures.district();
        for (Class<?> type : Event.types()) {
            Event empty = empty(type);
            try {
                s.apply(new Recorded(s.seq() + 1, Fixtures.T0, empty));
            } catch (Rejection e) {
                if (e.reason().startsWith("no rule for")) {
                    missing.add(type.getSimpleName());
                }
            } catch (RuntimeException e) {
                // a rule that trips over an empty instance is still a rule
            }
        }
        assertThat(missing).as("event types the fold has no rule for").isEmpty();
        assertThat(Event.types()).hasSizeGreaterThan(30);
    }

    /** An instance with every component at its zero: null, 0 or false. */
    private static Event empty(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            args[i] = zero(types[i]);
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        return (Event) c.newInstance(args);
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
