package id.desaflow.approval.process;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Flow nodes visited across all tests of a class, read from history before the extension deletes each test's
 * deployment (register it after the engine extension: its after-callback then runs first). Fails the class
 * unless every node of the BPMN was visited.
 */
class FlowNodeCoverage implements AfterTestExecutionCallback, AfterAllCallback {
    private final ProcessEngineExtension engine;
    private final String bpmnResource;
    private final Set<String> visited = new TreeSet<>();

    FlowNodeCoverage(ProcessEngineExtension engine, String bpmnResource) {
        this.engine = engine;
        this.bpmnResource = bpmnResource;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
                .map(HistoricActivityInstance::getActivityId).forEach(visited::add);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(bpmnResource, visited);
    }

    /**
     * Reports the flow nodes and sequence flows of one BPMN that the tests reached (flows as recorded by
     * {@link TakenFlows}) to target/process-coverage.md, and fails unless every one was.
     */
    static void check(String bpmnResource, Set<String> visitedNodes) {
        var model = Bpmn.readModelFromStream(FlowNodeCoverage.class.getClassLoader().getResourceAsStream(bpmnResource));
        String processKey = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator()
                .next().getId();
        Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> flows = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)
                .stream().map(f -> f.getId()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>(nodes);
        missed.removeAll(visitedNodes);
        Set<String> missedFlows = new TreeSet<>(flows);
        TakenFlows.TAKEN.stream().filter(f -> f.startsWith(processKey + "/"))
                .map(f -> f.substring(processKey.length() + 1)).forEach(missedFlows::remove);
        // the engine does not "take" an event-based gateway's flows (it waits on their events): such a flow was
        // followed when the event behind it happened
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class).stream()
                .filter(f -> f.getSource() instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway)
                .filter(f -> visitedNodes.contains(f.getTarget().getId()))
                .forEach(f -> missedFlows.remove(f.getId()));
        System.out.printf("Coverage of %s: flow nodes %d/%d, sequence flows %d/%d%n", bpmnResource,
                nodes.size() - missed.size(), nodes.size(), flows.size() - missedFlows.size(), flows.size());
        Set<String> never = new TreeSet<>(missed);
        never.addAll(missedFlows);
        report(String.format("| %s | %d/%d | %d/%d | %s |%n", bpmnResource, nodes.size() - missed.size(),
                nodes.size(), flows.size() - missedFlows.size(), flows.size(), String.join(", ", never)));
        if (!never.isEmpty()) {
            throw new AssertionError("Never reached in " + bpmnResource + ": " + never);
        }
    }

    /** One line per BPMN in target/process-coverage.md, the figures the README quotes. */
    private static boolean reportStarted; // the first report of a test run replaces an older run's file

    static synchronized void report(String line) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "process-coverage.md");
            if (!reportStarted) {
                reportStarted = true;
                java.nio.file.Files.writeString(file, "| BPMN | flow nodes | sequence flows | never reached |\n|---|---|---|---|\n");
            }
            java.nio.file.Files.writeString(file, line, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
