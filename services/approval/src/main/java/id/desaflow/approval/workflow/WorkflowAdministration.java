package id.desaflow.approval.workflow;

import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Administrators' deployments of approval chains, per village or for all, and which version new requests start. */
@Service
class WorkflowAdministration {
    static final String SOURCE = "desaflow-admin";
    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final WorkflowValidator validator;
    private final WorkflowStore store;
    private final CurrentWorkflows current;
    private final Clock clock;

    WorkflowAdministration(RepositoryService repository, RuntimeService runtime, WorkflowValidator validator,
            WorkflowStore store, CurrentWorkflows current, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.validator = validator;
        this.store = store;
        this.current = current;
        this.clock = clock;
    }

    record Version(int version, String definitionId, Instant deployedAt, String deployedBy, String village,
            long running) {
    }

    record CurrentVersions(Integer all, Map<String, Integer> villages) {
    }

    record Workflow(String key, String name, List<Version> versions, CurrentVersions current) {
    }

    record Deployed(String key, int version, String definitionId) {
    }

    /** Every process key the engine knows (the letter types and the shared chain), as this administrator sees it. */
    List<Workflow> list(Actor actor) {
        WorkflowAccess.requireAdministrator(actor);
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(latest -> workflow(latest, deployments, actor)).toList();
    }

    private Workflow workflow(ProcessDefinition latest, Map<String, Deployment> deployments, Actor actor) {
        String key = latest.getKey();
        Map<String, WorkflowStore.DeployedVersion> deployed = store.deployedVersions(key);
        List<ProcessDefinition> definitions = current.versions(key);
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            WorkflowStore.DeployedVersion admin = deployed.get(definition.getId());
            String village = admin == null ? null : admin.village();
            if (!WorkflowAccess.sees(actor, village)) {
                continue;
            }
            Deployment deployment = deployments.get(definition.getDeploymentId());
            versions.add(new Version(definition.getVersion(), definition.getId(),
                    admin != null ? admin.deployedAt() : deployment == null || deployment.getDeploymentTime() == null
                            ? null : deployment.getDeploymentTime().toInstant(),
                    admin != null ? admin.deployedBy() : "sistem", village, running(definition.getId(), actor)));
        }
        Map<String, Integer> villages = new TreeMap<>();
        List<WorkflowStore.Current> currents = store.currents(key);
        currents.stream()
                .filter(c -> !WorkflowStore.ALL_VILLAGES.equals(c.village()) && WorkflowAccess.sees(actor, c.village()))
                .forEach(c -> villages.put(c.village(), c.version()));
        Integer all = current.forAllVillages(key, currents).map(ProcessDefinition::getVersion).orElse(null);
        return new Workflow(key, latest.getName(), versions, new CurrentVersions(all, villages));
    }

    /** Running requests on a version: all of them for admin-kecamatan, the own village's for admin-desa. */
    private long running(String definitionId, Actor actor) {
        ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(definitionId);
        if (!actor.hasRole(Roles.ADMIN_KECAMATAN)) {
            query.variableValueEquals(ProcessVariables.VILLAGE_CODE, actor.village());
        }
        return query.count();
    }

    /** The BPMN XML of one version, as the editor opens it. */
    byte[] bpmn(String key, int version, Actor actor) {
        WorkflowAccess.requireAdministrator(actor);
        ProcessDefinition definition = definition(key, version);
        WorkflowStore.DeployedVersion admin = store.deployedVersions(key).get(definition.getId());
        if (admin != null && !WorkflowAccess.sees(actor, admin.village())) {
            throw new AccessDeniedException("Versi " + version + " milik desa " + admin.village());
        }
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("BPMN of " + definition.getId(), e);
        }
    }

    List<WorkflowProblem> validate(String key, byte[] xml, Actor actor) {
        WorkflowAccess.requireAdministrator(actor);
        requireKnown(key);
        return problems(key, xml);
    }

    /** Validates, then deploys a NEW version and makes it current for the village (or all); nothing on problems. */
    @Transactional
    public Deployed deploy(String key, byte[] xml, String village, Actor actor) {
        WorkflowAccess.requireScope(actor, village);
        requireKnown(key);
        List<WorkflowProblem> problems = problems(key, xml);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment().addInputStream(key + ".bpmn", new ByteArrayInputStream(xml))
                    .name(key + (village == null ? " (semua desa)" : " (desa " + village + ")"))
                    .source(SOURCE).deployWithResult();
        } catch (ParseException e) {
            throw invalid(e.getResorceReports().stream().flatMap(r -> r.getErrors().stream())
                    .map(p -> new WorkflowProblem(p.getMainElementId(), "bpmn-engine",
                            "Mesin alur menolak berkas: " + p.getMessage()))
                    .toList());
        } catch (ProcessEngineException e) {
            throw invalid(List.of(new WorkflowProblem(null, "bpmn-engine", "Mesin alur menolak berkas: "
                    + e.getMessage())));
        }
        ProcessDefinition definition = deployment.getDeployedProcessDefinitions().stream()
                .filter(d -> d.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployment without process " + key));
        Instant now = clock.instant();
        store.deployed(new WorkflowStore.DeployedVersion(definition.getId(), key, definition.getVersion(), village,
                actor.userId(), now));
        pointTo(definition, village, actor, now);
        store.audit(new WorkflowStore.AuditEntry(now, actor.userId(), "DEPLOY", key, definition.getVersion(), village,
                "Versi " + definition.getVersion() + " dipasang (" + definition.getId() + ")"));
        return new Deployed(key, definition.getVersion(), definition.getId());
    }

    /** Makes an existing version current for the village (or all): how an administrator rolls back. */
    @Transactional
    public Deployed makeCurrent(String key, Integer version, String village, Actor actor) {
        if (version == null) {
            throw new InvalidInputException("version", "Versi wajib diisi");
        }
        WorkflowAccess.requireScope(actor, village);
        ProcessDefinition definition = definition(key, version);
        requireUsable(definition, village, "version");
        Instant now = clock.instant();
        Integer before = (village == null ? current.forAllVillages(key)
                : current.toStart(key, village)).map(ProcessDefinition::getVersion).orElse(null);
        pointTo(definition, village, actor, now);
        store.audit(new WorkflowStore.AuditEntry(now, actor.userId(), "CURRENT", key, version, village,
                "Versi berlaku diubah dari " + before + " ke " + version));
        return new Deployed(key, version, definition.getId());
    }

    List<WorkflowStore.AuditEntry> audit(String key, Actor actor) {
        WorkflowAccess.requireAdministrator(actor);
        return store.audit(key).stream().filter(e -> WorkflowAccess.sees(actor, e.village())).toList();
    }

    ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw ProblemException.notFound("Alur " + key + " versi " + version);
        }
        return definition;
    }

    /** A version deployed for one village serves only that village (its trial never reaches the others). */
    void requireUsable(ProcessDefinition definition, String village, String field) {
        WorkflowStore.DeployedVersion admin = store.deployedVersions(definition.getKey()).get(definition.getId());
        if (admin != null && admin.village() != null && !admin.village().equals(village)) {
            throw new InvalidInputException(field, "Versi " + definition.getVersion() + " dipasang khusus untuk desa "
                    + admin.village() + " dan tidak dapat dipakai " + (village == null ? "untuk semua desa"
                    : "desa " + village));
        }
    }

    private void pointTo(ProcessDefinition definition, String village, Actor actor, Instant now) {
        try {
            store.makeCurrent(new WorkflowStore.Current(definition.getKey(),
                    village == null ? WorkflowStore.ALL_VILLAGES : village, definition.getVersion(),
                    definition.getId(), actor.userId(), now));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("workflow-current-changed", "Versi berlaku alur " + definition.getKey()
                    + " sedang diubah admin lain; muat ulang dan coba lagi", null);
        }
    }

    private void requireKnown(String key) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            throw ProblemException.notFound("Alur " + key);
        }
    }

    /**
     * The deploy rules, then (whatever the rules check): the file defines exactly this workflow, one process whose id
     * is the key, so a deployment can never add or replace another workflow.
     */
    private List<WorkflowProblem> problems(String key, byte[] xml) {
        List<WorkflowProblem> problems = new ArrayList<>(validator.validate(xml, key));
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            NodeList processes = WorkflowRules.parse(xml).getElementsByTagNameNS(BPMN_NS, "process");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < processes.getLength(); i++) {
                ids.add(((Element) processes.item(i)).getAttribute("id"));
            }
            if (!ids.equals(List.of(key))) {
                problems.add(new WorkflowProblem(ids.size() == 1 ? ids.get(0) : null, "process-key",
                        "Berkas harus berisi tepat satu proses dengan id \"" + key + "\" (ditemukan: " + ids + ")"));
            }
        } catch (SAXException e) {
            problems.add(new WorkflowProblem(null, "xml-safe", "Berkas bukan XML yang sah: " + e.getMessage()));
        }
        return problems;
    }

    private static ProblemException invalid(List<WorkflowProblem> problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("problems", problems);
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "workflow-invalid", "Alur tidak dapat dipasang",
                problems.size() + " masalah pada berkas BPMN; tidak ada yang dipasang", properties);
    }
}
