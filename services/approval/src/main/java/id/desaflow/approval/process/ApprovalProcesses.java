package id.desaflow.approval.process;

import id.desaflow.approval.workflow.CurrentWorkflows;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.catalogue.CoverLetterSteps;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves approval processes on lifecycle events from other services. Each method records the event id and its
 * engine command in one transaction, so a redelivered event has no second effect.
 */
@Service
class ApprovalProcesses {
    static final String REVISION_VERIFIED = "RevisionVerified";
    static final String REVISION_FAILED = "RevisionFailed";
    static final String REQUEST_CANCELLED = "RequestCancelled";
    private static final Logger log = LoggerFactory.getLogger(ApprovalProcesses.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final CurrentWorkflows workflows;
    private final ProcessedEvents processed;
    private final CoverLetterSteps coverLetters;

    ApprovalProcesses(RuntimeService runtime, HistoryService history, CurrentWorkflows workflows,
            ProcessedEvents processed, CoverLetterSteps coverLetters) {
        this.runtime = runtime;
        this.history = history;
        this.workflows = workflows;
        this.processed = processed;
        this.coverLetters = coverLetters;
    }

    /** Starts the chain for a new request, or resumes one that waits for the resident's revision. */
    @Transactional
    public void verified(String eventId, RequestVerified event) {
        if (!processed.firstTime(eventId)) {
            return;
        }
        String requestId = event.requestId();
        if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId).count() == 0) {
            // the village's current version of the chain (administrators choose it), not simply the newest
            ProcessDefinition definition = workflows.toStart(event.letterType(), event.villageCode())
                    .orElseThrow(() -> new UnknownLetterTypeException(event.letterType(), requestId));
            runtime.startProcessInstanceById(definition.getId(), requestId, variables(event));
            log.info("Approval of request {} started on {} (revision {})", requestId, definition.getId(),
                    event.revision());
        } else if (waitsFor(runtime, requestId, REVISION_VERIFIED)) {
            runtime.createMessageCorrelation(REVISION_VERIFIED).processInstanceBusinessKey(requestId)
                    .setVariables(variables(event)).correlate();
            log.info("Approval of request {} resumed after revision {}", requestId, event.revision());
        } else {
            log.info("Verification of request {} (revision {}) ignored: its approval is not waiting for one",
                    requestId, event.revision());
        }
    }

    /** A revision that failed re-verification ends the chain; a failure before any approval started is not ours. */
    @Transactional
    public void verificationFailed(String eventId, VerificationFailed event) {
        if (!processed.firstTime(eventId)) {
            return;
        }
        if (waitsFor(runtime, event.requestId(), REVISION_FAILED)) {
            String reason = "Perbaikan tidak lolos verifikasi: " + event.reasons().stream()
                    .map(CheckResult::message).collect(Collectors.joining("; "));
            runtime.createMessageCorrelation(REVISION_FAILED).processInstanceBusinessKey(event.requestId())
                    .setVariable(ProcessVariables.REJECTION_REASON, reason).correlate();
        }
    }

    @Transactional
    public void cancelled(String eventId, RequestCancelled event) {
        if (!processed.firstTime(eventId)) {
            return;
        }
        if (runtime.createMessageCorrelation(REQUEST_CANCELLED).processInstanceBusinessKey(event.requestId())
                .correlateAllWithResult().isEmpty()) {
            log.info("Cancellation of request {} ignored: no active approval", event.requestId());
        }
    }

    /** Whether the request waits for this message (a verified revision, a failed re-verification, a withdrawal). */
    static boolean waitsFor(RuntimeService runtime, String requestId, String message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(requestId)
                .messageEventSubscriptionName(message).count() > 0;
    }

    private Map<String, Object> variables(RequestVerified event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REQUEST_ID, event.requestId());
        variables.put(ProcessVariables.TRACKING_CODE, event.trackingCode());
        variables.put(ProcessVariables.LETTER_TYPE, event.letterType());
        variables.put(ProcessVariables.VILLAGE_CODE, event.villageCode());
        variables.put(ProcessVariables.DUSUN, event.dusun());
        variables.put(ProcessVariables.DUSUN_SLUG, event.dusun() == null || event.dusun().isBlank() ? null
                : id.desaflow.platform.security.Actor.slug(event.dusun()));
        variables.put(ProcessVariables.REVISION, event.revision());
        variables.put(ProcessVariables.MANUAL_CHECK, event.needsManualCheck());
        variables.put(ProcessVariables.RT_STEP, coverLetters.rtApprovesIn(event.villageCode()));
        variables.put(ProcessVariables.APPLICANT_NAME, event.applicant().name());
        variables.put(ProcessVariables.APPLICANT_NIK, event.applicant().nik());
        variables.put(ProcessVariables.DATA, EventJson.toJson(event.data() == null ? Map.of() : event.data()));
        variables.put(ProcessVariables.CHECKS, EventJson.toJson(event.checks() == null ? List.of() : event.checks()));
        return variables;
    }
}
