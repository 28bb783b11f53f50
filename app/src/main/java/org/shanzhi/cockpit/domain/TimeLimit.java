package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a case may take: {@code length} of natural time (紧急 / 突发 work, DOMAIN.md §1.2), or of working time on
 * the {@link WorkCalendar} when {@code working} (工作时; a 工作日 is {@link WorkCalendar#WORKING_DAY}).
 */
public record TimeLimit(Duration length, boolean working) {

    public static TimeLimit hours(long h) {
        return new TimeLimit(Duration.ofHours(h), false);
    }

    public static TimeLimit workingHours(long h) {
        return new TimeLimit(Duration.ofHours(h), true);
    }

    public static TimeLimit workingDays(long d) {
        return new TimeLimit(WorkCalendar.WORKING_DAY.multipliedBy(d), true);
    }

    /** The deadline of work that starts at {@code start}. */
    public Instant from(Instant start) {
        return working ? WorkCalendar.plusWorkingTime(start, length) : start.plus(length);
    }
}
