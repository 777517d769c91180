package id.desaflow.approval.workflow;

import id.desaflow.approval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement.CallableElementBinding;
import org.camunda.bpm.engine.impl.core.model.CallableElement;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * A call activity without an explicit binding (the letter types calling {@code rantai-persetujuan-desa}) calls the
 * calling village's current version of the called chain instead of simply the newest one, so a version one village
 * deploys of the shared chain reaches only that village. Explicit bindings (deployment, version, versionTag) are
 * left as the file says.
 */
@Component
class VillageCallBinding extends AbstractProcessEnginePlugin {
    private final ObjectProvider<CurrentWorkflows> workflows; // lazy: CurrentWorkflows needs the engine this configures

    VillageCallBinding(ObjectProvider<CurrentWorkflows> workflows) {
        this.workflows = workflows;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener());
    }

    private BpmnParseListener listener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior behavior
                        && behavior.getCallableElement() != null && behavior.getCallableElement().isLatestBinding()) {
                    CallableElement callable = behavior.getCallableElement();
                    callable.setBinding(CallableElementBinding.VERSION);
                    callable.setVersionValueProvider(new VillageVersion(callable));
                }
            }
        };
    }

    private final class VillageVersion implements ParameterValueProvider {
        private final CallableElement callable;

        VillageVersion(CallableElement callable) {
            this.callable = callable;
        }

        @Override
        public Object getValue(VariableScope scope) {
            Object village = scope.getVariable(ProcessVariables.VILLAGE_CODE);
            return workflows.getObject().toStart(callable.getDefinitionKey(scope),
                    village instanceof String code ? code : null).map(ProcessDefinition::getVersion).orElse(null);
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }
}
