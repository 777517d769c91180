package id.desaflow.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test engine only (camunda.cfg.xml): records every sequence flow the engine takes, as {@code processKey/flowId},
 * because Camunda's history keeps activities but not the flows between them.
 */
public class TakenFlows extends AbstractBpmnParseListener {
    static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
        String flow = transition.getId();
        transition.addListener(ExecutionListener.EVENTNAME_TAKE, (DelegateExecution execution) ->
                TAKEN.add(execution.getProcessDefinitionId().split(":")[0] + "/" + flow));
    }
}
