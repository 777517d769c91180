package id.desaflow.portal.web;

import org.springframework.http.HttpStatus;

/**
 * A page refused for a reason the portal itself knows (not a service's answer): shown as the usual refusal page with
 * the message {@code messageKey} in the page's language (PageAdvice).
 */
public class PageRefusal extends RuntimeException {
    private final HttpStatus status;
    private final String messageKey;

    public PageRefusal(HttpStatus status, String messageKey, String logMessage) {
        super(logMessage, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
