package id.desaflow.approval.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which version of a workflow a NEW request starts on: the village's own current version, else the current version
 * for every village, else the newest version that was not deployed for one village only (so one village's trial
 * never reaches the others). A started request keeps its version unless an administrator migrates it.
 */
@Component
public class CurrentWorkflows {
    private final RepositoryService repository;
    private final WorkflowStore store;

    CurrentWorkflows(RepositoryService repository, WorkflowStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** The process definition a new request of this village starts, empty when the key has none. */
    public Optional<ProcessDefinition> toStart(String key, String village) {
        if (village != null) {
            Optional<ProcessDefinition> own = store.current(key, village).map(c -> byId(c.definitionId()));
            if (own.isPresent()) {
                return own;
            }
        }
        return forAllVillages(key);
    }

    Optional<ProcessDefinition> forAllVillages(String key) {
        Optional<ProcessDefinition> pinned = store.current(key, WorkflowStore.ALL_VILLAGES)
                .map(c -> byId(c.definitionId()));
        if (pinned.isPresent()) {
            return pinned;
        }
        Map<String, WorkflowStore.DeployedVersion> deployed = store.deployedVersions(key);
        return versions(key).stream()
                .filter(d -> !deployed.containsKey(d.getId()) || deployed.get(d.getId()).village() == null)
                .reduce((older, newer) -> newer);
    }

    /** Every version of the key, oldest first. */
    List<ProcessDefinition> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                .asc().list();
    }

    private ProcessDefinition byId(String definitionId) {
        return repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    }
}
