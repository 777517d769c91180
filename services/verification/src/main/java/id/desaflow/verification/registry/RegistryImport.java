package id.desaflow.verification.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one CSV import into a village's registry: who, when, which columns were understood, how many rows
 * were created, updated, unchanged or refused, and for each refused row its line and why (the first
 * {@value #MAX_PROBLEMS}; the count is always complete).
 */
@Document("registry_imports")
public class RegistryImport {
    static final int MAX_PROBLEMS = 1000;

    /** A refused line of the file; {@code reason} is Indonesian, for the village administrator. */
    public record RowProblem(int line, String nikMasked, String reason) {
    }

    public enum Status {
        BERJALAN, SELESAI
    }

    @Id
    private String id;
    private String villageCode;
    private String actor;
    private Instant startedAt;
    private Instant finishedAt;
    private Status status;
    private String separator;
    private List<String> columns;
    private List<String> ignoredColumns;
    private int rows;
    private int created;
    private int updated;
    private int unchanged;
    private int refused;
    private List<RowProblem> problems = new ArrayList<>();
    private boolean problemsTruncated;

    RegistryImport() {
    }

    RegistryImport(String id, String villageCode, String actor, Instant startedAt, char separator,
            List<String> columns, List<String> ignoredColumns) {
        this.id = id;
        this.villageCode = villageCode;
        this.actor = actor;
        this.startedAt = startedAt;
        this.status = Status.BERJALAN;
        this.separator = separator == '\t' ? "TAB" : String.valueOf(separator);
        this.columns = List.copyOf(columns);
        this.ignoredColumns = List.copyOf(ignoredColumns);
    }

    void refuse(int line, String nikMasked, String reason) {
        refused++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new RowProblem(line, nikMasked, reason));
        } else {
            problemsTruncated = true;
        }
    }

    void row() {
        rows++;
    }

    void created(int count) {
        created += count;
    }

    void updated(int count) {
        updated += count;
    }

    void unchanged(int count) {
        unchanged += count;
    }

    void finish(Instant at) {
        status = Status.SELESAI;
        finishedAt = at;
    }

    public String id() {
        return id;
    }

    public String villageCode() {
        return villageCode;
    }

    public String actor() {
        return actor;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Status status() {
        return status;
    }

    public String separator() {
        return separator;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    public int rows() {
        return rows;
    }

    public int accepted() {
        return created + updated + unchanged;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int refused() {
        return refused;
    }

    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean problemsTruncated() {
        return problemsTruncated;
    }
}
