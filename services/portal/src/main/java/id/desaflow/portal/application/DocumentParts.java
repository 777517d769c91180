package id.desaflow.portal.application;

import id.desaflow.portal.catalogue.LetterAttachment;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page's form relayed to intake the way intake reads submissions and revisions: the JSON part {@code request}
 * plus one file part per document kind the person chose (inputs named {@code lampiran.<kind>}).
 */
public final class DocumentParts {
    private DocumentParts() {
    }

    public static MultiValueMap<String, HttpEntity<?>> of(Object json, HttpServletRequest request,
            List<LetterAttachment> documents) throws IOException {
        MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
        parts.add("request", part(json, MediaType.APPLICATION_JSON, "request", null));
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (LetterAttachment document : documents) {
                MultipartFile file = multipart.getFile("lampiran." + document.kind());
                if (file != null && !file.isEmpty()) {
                    String name = file.getOriginalFilename() == null ? document.kind() : file.getOriginalFilename();
                    MediaType declared = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                            : MediaType.parseMediaType(file.getContentType()); // intake judges by content anyway
                    parts.add(document.kind(), part(new ByteArrayResource(file.getBytes()), declared,
                            document.kind(), name));
                }
            }
        }
        return parts;
    }

    private static HttpEntity<Object> part(Object body, MediaType type, String name, String filename) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(filename == null ? ContentDisposition.formData().name(name).build()
                : ContentDisposition.formData().name(name).filename(filename, StandardCharsets.UTF_8).build());
        return new HttpEntity<>(body, headers);
    }
}
