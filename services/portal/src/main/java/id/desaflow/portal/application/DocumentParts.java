package id.desaflow.portal.application;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A request relayed to intake the way intake reads submissions and revisions: the JSON part {@code request} plus one
 * file part per document, named by its kind.
 */
final class DocumentParts {
    private DocumentParts() {
    }

    static MultiValueMap<String, HttpEntity<?>> of(Object json, Collection<Draft.File> files) {
        MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
        parts.add("request", part(json, MediaType.APPLICATION_JSON, "request", null));
        for (Draft.File file : files) {
            MediaType declared = file.contentType() == null || file.contentType().isBlank()
                    ? MediaType.APPLICATION_OCTET_STREAM : parse(file.contentType()); // intake judges by content
            parts.add(file.kind(), part(new ByteArrayResource(file.bytes()), declared, file.kind(), file.filename()));
        }
        return parts;
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException garbled) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static HttpEntity<Object> part(Object body, MediaType type, String name, String filename) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(filename == null ? ContentDisposition.formData().name(name).build()
                : ContentDisposition.formData().name(name).filename(filename, StandardCharsets.UTF_8).build());
        return new HttpEntity<>(body, headers);
    }
}
