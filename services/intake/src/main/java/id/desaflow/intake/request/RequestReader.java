package id.desaflow.intake.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.web.StrictUtf8;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a multipart submission or revision: the part {@code request} holds the same JSON as the plain JSON body
 * (with or without a part content type, so simple HTML forms work too), every other part is a file whose part name
 * is its attachment kind. JSON errors are answered exactly like those of a JSON body, naming the field.
 */
@Component
class RequestReader {
    static final String JSON_PART = "request";

    private final ObjectMapper json;
    private final long jsonLimit;

    RequestReader(ObjectMapper json, @Value("${desaflow.web.max-body-size}") DataSize jsonLimit) {
        this.json = json;
        this.jsonLimit = jsonLimit.toBytes();
    }

    record Multipart<T>(T body, List<Upload> uploads) {
    }

    <T> Multipart<T> read(HttpServletRequest request, Class<T> type) {
        try {
            T body = null;
            List<Upload> uploads = new ArrayList<>();
            for (Part part : request.getParts()) {
                String name = part.getName();
                if (JSON_PART.equals(name)) {
                    if (body != null) {
                        throw new InvalidInputException(JSON_PART, "Bagian \"request\" hanya boleh satu");
                    }
                    body = body(request, part, type);
                } else if (name == null || name.isBlank()) {
                    throw new InvalidInputException("body", "Ada bagian multipart tanpa nama");
                } else {
                    uploads.add(new Upload(name, part.getContentType(), bytes(part)));
                }
            }
            if (body == null) {
                throw new InvalidInputException(JSON_PART, "Bagian \"request\" (data permohonan dalam JSON) wajib ada");
            }
            return new Multipart<>(body, uploads);
        } catch (IOException | ServletException e) {
            throw new MultipartException("Multipart request could not be read", e);
        }
    }

    private <T> T body(HttpServletRequest request, Part part, Class<T> type) throws IOException {
        if (part.getSize() > jsonLimit) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Data terlalu besar",
                    "Bagian \"request\" melebihi batas " + jsonLimit / 1024 + " KB", Map.of("errors",
                    List.of(new FieldProblem(JSON_PART, "Data permohonan melebihi batas " + jsonLimit / 1024
                            + " KB"))));
        }
        byte[] bytes = bytes(part);
        if (bytes.length == 0) {
            throw new InvalidInputException(JSON_PART, "Bagian \"request\" kosong");
        }
        ServletServerHttpRequest message = new ServletServerHttpRequest(request);
        StrictUtf8.check(bytes, message);
        try {
            return json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            // answered like an unreadable JSON body: the platform's problem handler names the field
            throw new HttpMessageNotReadableException("Unreadable request part", e, message);
        }
    }

    private static byte[] bytes(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
