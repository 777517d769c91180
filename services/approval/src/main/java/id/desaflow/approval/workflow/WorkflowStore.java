package id.desaflow.approval.workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrators' side of the workflows in the engine's database: who deployed which version for which village,
 * which version is current where, what they changed (audit) and the migrations they started.
 */
@Repository
class WorkflowStore {
    /** The {@code village} of the current pointer every village without its own follows. */
    static final String ALL_VILLAGES = "*";

    private final JdbcTemplate jdbc;

    WorkflowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record DeployedVersion(String definitionId, String key, int version, String village, String deployedBy,
            Instant deployedAt) {
    }

    record Current(String key, String village, int version, String definitionId, String changedBy,
            Instant changedAt) {
    }

    record AuditEntry(Instant at, String actor, String action, String key, Integer version, String village,
            String detail) {
    }

    void deployed(DeployedVersion v) {
        jdbc.update("INSERT INTO workflow_version (definition_id, process_key, version, village, deployed_by, "
                + "deployed_at) VALUES (?, ?, ?, ?, ?, ?)", v.definitionId(), v.key(), v.version(), v.village(),
                v.deployedBy(), Timestamp.from(v.deployedAt()));
    }

    Map<String, DeployedVersion> deployedVersions(String key) {
        return jdbc.query("SELECT * FROM workflow_version WHERE process_key = ?", (rs, i) -> new DeployedVersion(
                rs.getString("definition_id"), rs.getString("process_key"), rs.getInt("version"),
                rs.getString("village"), rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant()),
                key).stream().collect(java.util.stream.Collectors.toMap(DeployedVersion::definitionId, v -> v));
    }

    void makeCurrent(Current c) {
        // delete + insert: portable across H2 and PostgreSQL, and the primary key serialises concurrent changes
        jdbc.update("DELETE FROM workflow_current WHERE process_key = ? AND village = ?", c.key(), c.village());
        jdbc.update("INSERT INTO workflow_current (process_key, village, version, definition_id, changed_by, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, ?)", c.key(), c.village(), c.version(), c.definitionId(),
                c.changedBy(), Timestamp.from(c.changedAt()));
    }

    List<Current> currents(String key) {
        return jdbc.query("SELECT * FROM workflow_current WHERE process_key = ? ORDER BY village", (rs, i) ->
                new Current(rs.getString("process_key"), rs.getString("village"), rs.getInt("version"),
                        rs.getString("definition_id"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()), key);
    }

    void audit(AuditEntry e) {
        jdbc.update("INSERT INTO workflow_audit (at, actor, action, process_key, version, village, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(e.at()), e.actor(), e.action(), e.key(), e.version(),
                e.village(), e.detail() == null || e.detail().length() <= 2000 ? e.detail()
                        : e.detail().substring(0, 2000));
    }

    List<AuditEntry> audit(String key) {
        String sql = "SELECT * FROM workflow_audit" + (key == null ? "" : " WHERE process_key = ?")
                + " ORDER BY seq DESC";
        Object[] args = key == null ? new Object[0] : new Object[] {key};
        return jdbc.query(sql, (rs, i) -> new AuditEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("process_key"), (Integer) rs.getObject("version", Integer.class),
                rs.getString("village"), rs.getString("detail")), args);
    }

    void migrationStarted(String migrationId, String key, int instances, String by, Instant at) {
        jdbc.update("INSERT INTO workflow_migration (migration_id, process_key, status, instances, migrated, failed, "
                + "started_by, started_at, heartbeat_at) VALUES (?, ?, 'RUNNING', ?, 0, '[]', ?, ?, ?)", migrationId,
                key, instances, by, Timestamp.from(at), Timestamp.from(at));
    }

    /**
     * Also the worker's heartbeat. Only while RUNNING: a migration another replica closed as abandoned stays closed.
     * @return false when it is no longer RUNNING
     */
    boolean migrationProgress(String migrationId, String status, int migrated, String failedJson, Instant at) {
        return jdbc.update("UPDATE workflow_migration SET status = ?, migrated = ?, failed = ?, heartbeat_at = ? "
                + "WHERE migration_id = ? AND status = 'RUNNING'", status, migrated, failedJson, Timestamp.from(at),
                migrationId) == 1;
    }

    /** A migration still owned by a live replica, also while it waits for the worker. */
    void migrationHeartbeat(String migrationId, Instant at) {
        jdbc.update("UPDATE workflow_migration SET heartbeat_at = ? WHERE migration_id = ? AND status = 'RUNNING'",
                Timestamp.from(at), migrationId);
    }

    /** RUNNING migrations whose worker has not been heard of since {@code silentSince}: its replica stopped. */
    List<MigrationRow> abandonedMigrations(Instant silentSince) {
        return jdbc.query("SELECT * FROM workflow_migration WHERE status = 'RUNNING' "
                + "AND COALESCE(heartbeat_at, started_at) < ?", MIGRATION_ROW, Timestamp.from(silentSince));
    }

    /** Closes an abandoned migration, unless its worker spoke up since (only one replica closes it). */
    boolean closeAbandoned(String migrationId, String failedJson, Instant silentSince, Instant at) {
        return jdbc.update("UPDATE workflow_migration SET status = 'DONE', failed = ?, heartbeat_at = ? "
                + "WHERE migration_id = ? AND status = 'RUNNING' AND COALESCE(heartbeat_at, started_at) < ?",
                failedJson, Timestamp.from(at), migrationId, Timestamp.from(silentSince)) == 1;
    }

    record MigrationRow(String migrationId, String key, String status, int instances, int migrated,
            String failedJson, String startedBy) {
    }

    private static final RowMapper<MigrationRow> MIGRATION_ROW = (rs, i) -> new MigrationRow(
            rs.getString("migration_id"), rs.getString("process_key"), rs.getString("status"), rs.getInt("instances"),
            rs.getInt("migrated"), rs.getString("failed"), rs.getString("started_by"));

    Optional<MigrationRow> migration(String migrationId) {
        return jdbc.query("SELECT * FROM workflow_migration WHERE migration_id = ?", MIGRATION_ROW, migrationId)
                .stream().findFirst();
    }
}
