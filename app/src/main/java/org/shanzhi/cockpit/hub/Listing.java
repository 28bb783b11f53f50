package org.shanzhi.cockpit.hub;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Filtering and paging of a family of records by query parameters that name their simple
 * components ({@code ?state=IN_PROGRESS&communityCode=110106016003}), plus {@code open=true|false}
 * where the record knows whether it is open.
 */
final class Listing {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final Map<Class<?>, Map<String, Method>> FILTERS = new ConcurrentHashMap<>();

    record Page(long seq, int total, int offset, int limit, List<Object> items) {
    }

    private Listing() {
    }

    static Page page(long seq, Class<?> type, Collection<?> all, Map<String, List<String>> query) {
        Map<String, Method> filters = filtersOf(type);
        int limit = intParam(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(query, "offset", 0, 0, Integer.MAX_VALUE);
        Map<Method, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            String name = q.getKey();
            if (name.equals("limit") || name.equals("offset") || name.equals("token")) {
                continue;
            }
            Method m = filters.get(name);
            if (m == null) {
                throw new BadRequest(name, "unknown filter '" + name + "'; filters here are " + filters.keySet()
                        + ", limit and offset");
            }
            String value = q.getValue().get(0);
            checkValue(name, m.getReturnType(), value);
            wanted.put(m, value);
        }
        List<Object> matching = new ArrayList<>();
        for (Object item : all) {
            if (matches(item, wanted)) {
                matching.add(item);
            }
        }
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(seq, matching.size(), offset, limit, new ArrayList<>(matching.subList(from, to)));
    }

    /** A filter value that no record can have is a mistake to report, not an empty page. */
    private static void checkValue(String name, Class<?> type, String value) {
        if (type == boolean.class && !value.equals("true") && !value.equals("false")) {
            throw new BadRequest(name, name + " must be true or false, got '" + value + "'");
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            if (!names.contains(value)) {
                throw new BadRequest(name, name + " must be one of " + names + ", got '" + value + "'");
            }
        }
        if ((type == int.class || type == long.class) && !value.matches("-?\\d{1,18}")) {
            throw new BadRequest(name, name + " must be a whole number, got '" + value + "'");
        }
    }

    private static boolean matches(Object item, Map<Method, String> wanted) {
        for (Map.Entry<Method, String> w : wanted.entrySet()) {
            try {
                if (!String.valueOf(w.getKey().invoke(item)).equals(w.getValue())) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    private static Map<String, Method> filtersOf(Class<?> type) {
        return FILTERS.computeIfAbsent(type, t -> {
            Map<String, Method> m = new LinkedHashMap<>();
            for (RecordComponent c : t.getRecordComponents()) {
                Class<?> k = c.getType();
                if (k == String.class || k.isEnum() || k == boolean.class || k == int.class || k == long.class) {
                    m.put(c.getName(), c.getAccessor());
                }
            }
            try {
                Method open = t.getMethod("open");
                if (open.getReturnType() == boolean.class) {
                    m.put("open", open);
                }
            } catch (NoSuchMethodException e) {
                // this family has no notion of open
            }
            return m;
        });
    }

    static int intParam(Map<String, List<String>> query, String name, int dflt, int min, int max) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get(0));
            if (n < min || n > max) {
                throw new BadRequest(name, name + " must be within " + min + ".." + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, name + " must be an integer, got '" + v.get(0) + "'");
        }
    }
}
