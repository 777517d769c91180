package id.desaflow.approval.letter;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.contracts.events.LetterIssued;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

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
    public void execute(DelegateExecution execution) {
        String requestId = (String) execution.getVariable(ProcessVariables.REQUEST_ID);
        IssuedLetter letter = register.issue(requestId, (String) execution.getVariable(ProcessVariables.LETTER_TYPE),
                (String) execution.getVariable(ProcessVariables.VILLAGE_CODE),
                (String) execution.getVariable(ProcessVariables.APPLICANT_NAME));
        execution.setVariable(ProcessVariables.LETTER_NUMBER, letter.letterNumber());
        outbox.add(requestId, new LetterIssued(requestId, letter.letterNumber(), letter.letterType(),
                letter.villageCode(), letter.signerName(), letter.signerPosition(), letter.issuedAt()));
    }
}
