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
        Set<String> all = Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(bpmnResource))
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>(all);
        missed.removeAll(visited);
        System.out.printf("Flow node coverage of %s: %d/%d (%.0f%%)%n", bpmnResource, all.size() - missed.size(),
                all.size(), 100.0 * (all.size() - missed.size()) / all.size());
        report(String.format("| %s | %d/%d | %s |%n", bpmnResource, all.size() - missed.size(), all.size(),
                missed.isEmpty() ? "" : String.join(", ", missed)));
        if (!missed.isEmpty()) {
            throw new AssertionError("Flow nodes never visited: " + missed);
        }
    }

    /** One line per BPMN in target/process-coverage.md, the figures the README quotes. */
    private static boolean reportStarted; // the first report of a test run replaces an older run's file

    static synchronized void report(String line) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "process-coverage.md");
            if (!reportStarted) {
                reportStarted = true;
                java.nio.file.Files.writeString(file, "| BPMN | flow nodes visited | never visited |\n|---|---|---|\n");
            }
            java.nio.file.Files.writeString(file, line, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
