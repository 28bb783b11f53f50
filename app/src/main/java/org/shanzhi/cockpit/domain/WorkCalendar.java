package org.shanzhi.cockpit.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The offices' working calendar, on which 数字城管 time limits in 工作时 / 工作日 run (DOMAIN.md §1.2): Monday to
 * Friday from {@link #OPENS} to {@link #CLOSES} Beijing time, less the public holidays, plus the make-up working
 * days (调休). A 工作日 is {@link #WORKING_DAY} of working time, so "1 工作日" from Thursday 10:00 is Friday 10:00.
 *
 * <p>The holidays and make-up days are 2026's, as the State Council published them (国务院办公厅关于2026年部分节假日
 * 安排的通知, 2025-11-04); DOMAIN.md does not list them. A year with no published schedule here has weekends only.
 */
public final class WorkCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Office hours [E]: DOMAIN.md gives none; 09:00–17:00 is the street offices' usual day. */
    public static final LocalTime OPENS = LocalTime.of(9, 0);
    public static final LocalTime CLOSES = LocalTime.of(17, 0);
    public static final Duration WORKING_DAY = Duration.between(OPENS, CLOSES);

    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3),       // 元旦
            LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),    // 春节
            LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 22), LocalDate.of(2026, 2, 23),
            LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),       // 清明节
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3),       // 劳动节
            LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 21),    // 端午节
            LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26), LocalDate.of(2026, 9, 27),    // 中秋节
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),    // 国庆节
            LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7));
    private static final Set<LocalDate> MAKE_UP_DAYS = Set.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

    private WorkCalendar() {
    }

    /** A working day: Monday to Friday and not a public holiday, or a make-up working day. */
    public static boolean workingDay(LocalDate d) {
        if (MAKE_UP_DAYS.contains(d)) {
            return true;
        }
        return !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The moment {@code work} of working time has passed after {@code from}; time outside office hours does not count. */
    public static Instant plusWorkingTime(Instant from, Duration work) {
        ZonedDateTime t = from.atZone(ZONE);
        Duration left = work;
        while (true) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime opens = day.atTime(OPENS).atZone(ZONE);
            ZonedDateTime closes = day.atTime(CLOSES).atZone(ZONE);
            if (workingDay(day) && t.isBefore(closes)) {
                ZonedDateTime start = t.isBefore(opens) ? opens : t;
                Duration today = Duration.between(start, closes);
                if (left.compareTo(today) <= 0) {
                    return start.plus(left).toInstant();
                }
                left = left.minus(today);
            }
            t = day.plusDays(1).atStartOfDay(ZONE);
        }
    }
}
