package id.desaflow.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The approval service's beans as engine tests stand them in: every role's deadline, delegates noting what ran. */
final class DelegateMocks {
    private DelegateMocks() {
    }

    /**
     * @param task how a task event is noted, e.g. {@code create:Task_Kasi}; delegates note issueLetter, revise and
     *     reject with its reason as RecordRejection takes it (the revision path's reason, else the official's comment)
     */
    static void register(List<String> calls, Function<DelegateTask, String> task) {
        Mocks.register("deadlines", new Deadlines(Map.of("operator", "P1D", "rt", "P2D", "rw", "P2D", "kadus", "P2D",
                "kasi-pelayanan", "P2D", "kasi-pemerintahan", "P2D", "sekdes", "P1D", "kades", "P2D",
                "perbaikan", "P30D")));
        Mocks.register("approvalTaskEvents", (TaskListener) t -> calls.add(task.apply(t)));
        Mocks.register("issueLetter", (JavaDelegate) (DelegateExecution execution) -> calls.add("issueLetter"));
        Mocks.register("recordRejection", (JavaDelegate) (DelegateExecution execution) -> calls.add("reject:"
                + Optional.ofNullable(execution.getVariable(ProcessVariables.REJECTION_REASON))
                        .orElse(execution.getVariable("comment"))));
        Mocks.register("requestRevision", (JavaDelegate) (DelegateExecution execution) -> calls.add("revise"));
    }
}
