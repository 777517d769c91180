package id.desaflow.platform.test.security;

import id.desaflow.platform.security.Actor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Issue 3's authorization matrix: every endpoint (a row) x every kind of caller (the columns of {@link #callers()}),
 * each cell the expected answer. A row is written as one readable line, e.g.
 * {@code "401 200 403 | 403 ... | 200 404 200"} ({@code |} only groups columns for the eye); a cell is a status, or
 * {@code status:n} when the answer is a list whose length shows what the caller may see ({@code 200:0}: allowed,
 * none of it theirs). {@link #differences(Caller)} calls every cell and names each one that changed, so a single
 * changed rule fails the test with a precise message.
 *
 * @param <R> the service test's request type (a MockMvc builder, an HttpRequest builder, ...)
 */
public final class AuthorizationMatrix<R> {
    private final Map<String, Row<R>> rows = new LinkedHashMap<>();
    private final Map<String, Actor> callers;

    /** Calls {@code request} as {@code caller} (null: anonymous); answers the cell it got, in the expected form. */
    @FunctionalInterface
    public interface Caller<R> {
        String call(R request, Actor caller, String expectedCell) throws Exception;
    }

    private record Row<R>(Supplier<R> request, List<String> cells) {
    }

    public AuthorizationMatrix() {
        this(callers());
    }

    public AuthorizationMatrix(Map<String, Actor> callers) {
        this.callers = callers;
    }

    /**
     * The standard columns: anonymous, residents A and B of village X, each working role of village X and of village
     * Y in turn ({@code operator-X operator-Y rt-X rt-Y ...}), admin-desa X, admin-desa Y, admin-kecamatan.
     */
    public static Map<String, Actor> callers() {
        Map<String, Actor> callers = new LinkedHashMap<>();
        callers.put("anon", null);
        callers.put("resA", TestActors.residentA());
        callers.put("resB", TestActors.residentB());
        for (String role : TestActors.workingRoles()) {
            callers.put(role + "-X", TestActors.official(TestActors.VILLAGE_X, role));
            callers.put(role + "-Y", TestActors.official(TestActors.VILLAGE_Y, role));
        }
        callers.put("admin-X", TestActors.adminDesa(TestActors.VILLAGE_X));
        callers.put("admin-Y", TestActors.adminDesa(TestActors.VILLAGE_Y));
        callers.put("kec", TestActors.adminKecamatan());
        return callers;
    }

    /** A fresh request per call (a request builder is used once). */
    public AuthorizationMatrix<R> row(String endpoint, Supplier<R> request, String cells) {
        List<String> parsed = Arrays.stream(cells.trim().split("\\s+")).filter(c -> !c.equals("|")).toList();
        if (parsed.size() != callers.size()) {
            throw new IllegalArgumentException(endpoint + ": " + parsed.size() + " cells for " + callers.size()
                    + " callers " + callers.keySet());
        }
        rows.put(endpoint, new Row<>(request, parsed));
        return this;
    }

    /** Every cell whose answer differs from the table, as "endpoint as caller: expected x but was y". */
    public List<String> differences(Caller<R> caller) throws Exception {
        List<String> differences = new ArrayList<>();
        for (var row : rows.entrySet()) {
            int column = 0;
            for (var who : callers.entrySet()) {
                String expected = row.getValue().cells().get(column++);
                String actual = caller.call(row.getValue().request().get(), who.getValue(), expected);
                if (!actual.equals(expected)) {
                    differences.add(row.getKey() + " as " + who.getKey() + ": expected " + expected + " but was "
                            + actual);
                }
            }
        }
        return differences;
    }
}
