package id.desaflow.notification.delivery;

import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;

/**
 * A receipt callback as it arrived, for the provider to verify and read: {@code url} is the URL the provider called
 * (our public callback base + path + query), {@code form} the form fields of a form-encoded body, {@code body} the
 * raw bytes of any other body.
 */
public record ReceiptRequest(String url, Map<String, String> query, Map<String, List<String>> form, byte[] body,
        HttpHeaders headers) {
}
