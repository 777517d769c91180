package id.desaflow.approval.process;

import id.desaflow.platform.messaging.MalformedEventException;

/**
 * No approval chain is deployed for the letter type: retrying cannot help, so the event goes straight to the
 * dead-letter topic (replay it once the BPMN is deployed).
 */
class UnknownLetterTypeException extends MalformedEventException {
    UnknownLetterTypeException(String letterType, String requestId) {
        super("No approval process deployed for letter type " + letterType + " (request " + requestId + ")", null);
    }
}
