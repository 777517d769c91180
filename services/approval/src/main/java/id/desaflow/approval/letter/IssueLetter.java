package id.desaflow.approval.letter;

import com.fasterxml.jackson.core.type.TypeReference;
import id.desaflow.approval.outbox.Outbox;
import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.LetterIssued;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** BPMN "Terbitkan nomor surat": numbers the signed letter, registers it and announces it. */
@Component("issueLetter")
class IssueLetter implements JavaDelegate {
    private final LetterRegister register;
    private final Outbox outbox;

    IssueLetter(LetterRegister register, Outbox outbox) {
        this.register = register;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String requestId = (String) execution.getVariable(ProcessVariables.REQUEST_ID);
        String data = (String) execution.getVariable(ProcessVariables.DATA);
        IssuedLetter letter = register.issue(new LetterRegister.Signing(requestId,
                (String) execution.getVariable(ProcessVariables.TRACKING_CODE),
                (String) execution.getVariable(ProcessVariables.LETTER_TYPE),
                (String) execution.getVariable(ProcessVariables.VILLAGE_CODE),
                (String) execution.getVariable(ProcessVariables.DUSUN),
                (String) execution.getVariable(ProcessVariables.APPLICANT_NAME),
                (String) execution.getVariable(ProcessVariables.APPLICANT_NIK),
                data == null ? Map.of() : EventJson.mapper().readValue(data, new TypeReference<Map<String, String>>() {
                }),
                // the village delegated the signature (penandatangan-surat.dmn): the sekdes signs "a.n. Kepala Desa"
                "sekdes".equals(execution.getVariable(ProcessVariables.SIGNER_ROLE))
                        || Boolean.TRUE.equals(execution.getVariable(ProcessVariables.ON_BEHALF))));
        execution.setVariable(ProcessVariables.LETTER_NUMBER, letter.letterNumber());
        outbox.add(requestId, new LetterIssued(requestId, letter.letterNumber(), letter.letterType(),
                letter.villageCode(), letter.signerName(), firstLine(letter.signerPosition()), letter.issuedAt()));
    }

    /** The event names the position; the "a.n." line break is for the printed signature block only. */
    private static String firstLine(String position) {
        return position.lines().findFirst().orElse(position);
    }
}
