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
        // on every new request and every call of the village chain: one read of the key's current versions
        List<WorkflowStore.Current> currents = store.currents(key);
        return pinned(currents, village).or(() -> forAllVillages(key, currents));
    }

    Optional<ProcessDefinition> forAllVillages(String key) {
        return forAllVillages(key, store.currents(key));
    }

    /** As {@link #forAllVillages(String)}, with the key's current versions already read. */
    Optional<ProcessDefinition> forAllVillages(String key, List<WorkflowStore.Current> currents) {
        return pinned(currents, WorkflowStore.ALL_VILLAGES).or(() -> {
            Map<String, WorkflowStore.DeployedVersion> deployed = store.deployedVersions(key);
            return versions(key).stream()
                    .filter(d -> !deployed.containsKey(d.getId()) || deployed.get(d.getId()).village() == null)
                    .reduce((older, newer) -> newer);
        });
    }

    /** The version made current for {@code village}, from the engine's deployment cache. */
    private Optional<ProcessDefinition> pinned(List<WorkflowStore.Current> currents, String village) {
        return village == null ? Optional.empty() : currents.stream().filter(c -> c.village().equals(village))
                .findFirst().map(c -> repository.getProcessDefinition(c.definitionId()));
    }

    /** Every version of the key, oldest first. */
    List<ProcessDefinition> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                .asc().list();
    }
}
