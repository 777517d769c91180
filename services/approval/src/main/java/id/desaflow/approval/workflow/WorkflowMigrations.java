package id.desaflow.approval.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Moves running requests of the administrator's villages from one version of a workflow to another. Each request is
 * migrated in its own engine transaction, so one that cannot move stays where it is and the others still move.
 */
@Service
class WorkflowMigrations {
    private static final Logger log = LoggerFactory.getLogger(WorkflowMigrations.class);

    private final RuntimeService runtime;
    private final WorkflowAdministration administration;
    private final WorkflowStore store;
    private final TransactionTemplate rolledBack;
    private final Clock clock;
    private final Duration lease;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Started here and not finished, queued behind another one included: kept alive by {@link #endAbandoned}'s
     * heartbeat, so no replica takes them for abandoned, even if one request takes longer than the lease to move.
     */
    private final Set<String> ownedHere = ConcurrentHashMap.newKeySet();
    // one at a time: migrations are rare and the engine's database is shared with the approvals
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "workflow-migration");
        thread.setDaemon(true);
        return thread;
    });

    WorkflowMigrations(RuntimeService runtime, WorkflowAdministration administration, WorkflowStore store,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${desaflow.workflows.migration-lease:PT2M}") Duration lease) {
        this.clock = clock;
        this.lease = lease;
        this.runtime = runtime;
        this.administration = administration;
        this.store = store;
        this.rolledBack = new TransactionTemplate(transactions);
    }

    record Mapping(String from, String to) {
    }

    record Request(Integer fromVersion, Integer toVersion, String village, List<Mapping> mappings, Boolean dryRun) {
    }

    record Failure(String requestId, String reason) {
    }

    record DryRun(int instances, List<Mapping> plannedMappings, List<String> unmapped, List<Failure> failures) {
    }

    record Started(String migrationId) {
    }

    record Status(String migrationId, String key, String status, int instances, int migrated, List<Failure> failed) {
    }

    /** The plan and the requests it would move; with dry run, each request's migration tried and rolled back. */
    DryRun dryRun(String key, Request request, Actor actor) {
        Prepared prepared = prepare(key, request, actor);
        List<Failure> failures = new ArrayList<>(prepared.planFailures());
        if (prepared.plan() != null) {
            for (ProcessInstance instance : prepared.instances()) {
                String reason = rolledBack.execute(status -> {
                    status.setRollbackOnly();
                    return migrate(prepared.plan(), instance);
                });
                if (reason != null) {
                    failures.add(new Failure(instance.getBusinessKey(), reason));
                }
            }
        }
        return new DryRun(prepared.instances().size(), prepared.mappings(), prepared.unmapped(), failures);
    }

    /** Starts moving the requests in the background; refused (422) when the plan itself is not valid. */
    Started start(String key, Request request, Actor actor) {
        Prepared prepared = prepare(key, request, actor);
        if (prepared.plan() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "migration-invalid",
                    "Rencana pemindahan tidak sah", "Tidak ada permohonan yang dipindahkan",
                    Map.of("failures", prepared.planFailures(), "unmapped", prepared.unmapped()));
        }
        String migrationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.migrationStarted(migrationId, key, prepared.instances().size(), actor.userId(), now);
        store.audit(new WorkflowStore.AuditEntry(now, actor.userId(), "MIGRATE", key, request.toVersion(),
                request.village(), "Pemindahan " + migrationId + ": " + prepared.instances().size()
                + " permohonan dari versi " + request.fromVersion() + " ke versi " + request.toVersion()
                + ", pemetaan " + prepared.mappings()));
        ownedHere.add(migrationId);
        worker.submit(() -> run(migrationId, prepared));
        return new Started(migrationId);
    }

    Status status(String migrationId, Actor actor) {
        WorkflowAccess.requireAdministrator(actor);
        WorkflowStore.MigrationRow row = store.migration(migrationId)
                .orElseThrow(() -> ProblemException.notFound("Pemindahan " + migrationId));
        return new Status(row.migrationId(), row.key(), row.status(), row.instances(), row.migrated(),
                failures(row.failedJson()));
    }

    private void run(String migrationId, Prepared prepared) {
        try {
            moveAll(migrationId, prepared);
        } finally {
            ownedHere.remove(migrationId);
        }
    }

    private void moveAll(String migrationId, Prepared prepared) {
        int migrated = 0;
        List<Failure> failed = new ArrayList<>();
        for (ProcessInstance instance : prepared.instances()) {
            String reason;
            try {
                reason = migrate(prepared.plan(), instance);
            } catch (RuntimeException e) {
                reason = "Gagal dipindahkan: " + e.getMessage();
            }
            if (reason == null) {
                migrated++;
            } else {
                failed.add(new Failure(instance.getBusinessKey(), reason));
            }
            if (!store.migrationProgress(migrationId, "RUNNING", migrated, toJson(failed), clock.instant())) {
                log.warn("Migration {} was closed as abandoned meanwhile; stopping after {} moved", migrationId,
                        migrated);
                return;
            }
        }
        store.migrationProgress(migrationId, "DONE", migrated, toJson(failed), clock.instant());
        log.info("Migration {} done: {} moved, {} failed", migrationId, migrated, failed.size());
    }

    /** Migrates one request; the Indonesian reason (with the engine's text) when it cannot, else null. */
    private String migrate(MigrationPlan plan, ProcessInstance instance) {
        try {
            runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
            return null;
        } catch (MigratingProcessInstanceValidationException e) {
            MigratingProcessInstanceValidationReport report = e.getValidationReport();
            List<String> reasons = new ArrayList<>(report.getFailures());
            report.getActivityInstanceReports().forEach(r -> r.getFailures()
                    .forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
            report.getTransitionInstanceReports().forEach(r -> r.getFailures()
                    .forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
            return "Permohonan tidak dapat dipindahkan ke versi baru: " + String.join("; ", reasons);
        } catch (ProcessEngineException e) {
            return "Permohonan tidak dapat dipindahkan: " + e.getMessage();
        }
    }

    private record Prepared(MigrationPlan plan, List<Failure> planFailures, List<Mapping> mappings,
            List<String> unmapped, List<ProcessInstance> instances) {
    }

    private Prepared prepare(String key, Request request, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.fromVersion() == null) {
            problems.add(new FieldProblem("fromVersion", "Versi asal wajib diisi"));
        }
        if (request.toVersion() == null) {
            problems.add(new FieldProblem("toVersion", "Versi tujuan wajib diisi"));
        }
        if (request.fromVersion() != null && request.fromVersion().equals(request.toVersion())) {
            problems.add(new FieldProblem("toVersion", "Versi tujuan harus berbeda dari versi asal"));
        }
        if (request.dryRun() == null) {
            problems.add(new FieldProblem("dryRun", "Pilih dryRun true (hanya rencana) atau false (jalankan)"));
        }
        List<Mapping> manual = request.mappings() == null ? List.of() : request.mappings();
        for (int i = 0; i < manual.size(); i++) {
            if (manual.get(i) == null || blank(manual.get(i).from()) || blank(manual.get(i).to())) {
                problems.add(new FieldProblem("mappings[" + i + "]",
                        "Pemetaan perlu aktivitas asal (from) dan tujuan (to)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        WorkflowAccess.requireScope(actor, request.village());
        ProcessDefinition source = administration.definition(key, request.fromVersion());
        ProcessDefinition target = administration.definition(key, request.toVersion());
        administration.requireUsable(target, request.village(), "toVersion");

        List<ProcessInstance> instances = instances(source, request.village() == null ? actor.villages()
                : List.of(request.village()));
        Set<String> manualSources = manual.stream().map(Mapping::from).collect(Collectors.toSet());
        List<Mapping> mappings = new ArrayList<>();
        equalActivities(source, target).stream().filter(m -> !manualSources.contains(m.from())).forEach(mappings::add);
        mappings.addAll(manual);

        MigrationPlan plan = null;
        List<Failure> planFailures = new ArrayList<>();
        try {
            MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
            mappings.forEach(m -> builder.mapActivities(m.from(), m.to()));
            plan = builder.build();
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(r -> planFailures.add(new Failure(null,
                    "Pemetaan " + r.getMigrationInstruction().getSourceActivityId() + " → "
                            + r.getMigrationInstruction().getTargetActivityId() + " tidak sah: "
                            + String.join("; ", r.getFailures()))));
            e.getValidationReport().getVariableReports().forEach((name, r) -> planFailures.add(new Failure(null,
                    "Variabel " + name + ": " + String.join("; ", r.getFailures()))));
            if (planFailures.isEmpty()) {
                planFailures.add(new Failure(null, "Rencana pemindahan tidak sah: " + e.getMessage()));
            }
        } catch (ProcessEngineException e) {
            planFailures.add(new Failure(null, "Rencana pemindahan tidak sah: " + e.getMessage()));
        }
        Set<String> mapped = mappings.stream().map(Mapping::from).collect(Collectors.toSet());
        List<String> unmapped = instances.stream().flatMap(i -> runtime.getActiveActivityIds(i.getId()).stream())
                .filter(a -> !mapped.contains(a)).distinct().sorted().toList();
        return new Prepared(plan, planFailures, mappings, unmapped, instances);
    }

    /** The engine's own "same id, same kind" mappings; partial when some of them are not valid on their own. */
    private List<Mapping> equalActivities(ProcessDefinition source, ProcessDefinition target) {
        List<MigrationInstruction> instructions;
        try {
            instructions = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build()
                    .getInstructions();
        } catch (MigrationPlanValidationException e) {
            Set<MigrationInstruction> invalid = e.getValidationReport().getInstructionReports().stream()
                    .filter(r -> r.hasFailures()).map(r -> r.getMigrationInstruction()).collect(Collectors.toSet());
            instructions = e.getValidationReport().getMigrationPlan().getInstructions().stream()
                    .filter(i -> !invalid.contains(i)).toList();
        }
        return instructions.stream().map(i -> new Mapping(i.getSourceActivityId(), i.getTargetActivityId())).toList();
    }

    /** The requests running on the source version in these villages (process variable villageCode). */
    private List<ProcessInstance> instances(ProcessDefinition source, List<String> villages) {
        return villages.stream().flatMap(village -> runtime.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).variableValueEquals(ProcessVariables.VILLAGE_CODE, village).list().stream())
                .toList();
    }

    private String toJson(List<Failure> failures) {
        try {
            return json.writeValueAsString(failures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Failure> failures(String failedJson) {
        try {
            return failedJson == null ? List.of() : json.readValue(failedJson, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * First the heartbeat of the migrations this replica owns; then a migration whose replica stopped in the middle
     * (no heartbeat for longer than the lease, which must be longer than this check's interval) ends as DONE with
     * what it moved and a note: running it again is safe, the requests already moved are no longer on the source
     * version. Checked on every replica, so it does not wait for that one to restart.
     */
    @Scheduled(fixedDelayString = "${desaflow.workflows.migration-check:PT1M}")
    void endAbandoned() {
        Instant now = clock.instant();
        ownedHere.forEach(id -> store.migrationHeartbeat(id, now));
        Instant silentSince = now.minus(lease);
        for (WorkflowStore.MigrationRow row : store.abandonedMigrations(silentSince)) {
            List<Failure> failed = new ArrayList<>(failures(row.failedJson()));
            failed.add(new Failure(null, "Pemindahan terhenti karena layanan yang menjalankannya berhenti setelah "
                    + row.migrated() + " dari " + row.instances() + " permohonan; jalankan lagi untuk sisanya"));
            if (store.closeAbandoned(row.migrationId(), toJson(failed), silentSince, now)) {
                log.warn("Migration {} stopped with its service and is closed", row.migrationId());
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
