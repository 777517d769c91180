package id.desaflow.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.List;

/**
 * Multipart bodies the servlet container refuses before any controller runs: over the global limits (413), or
 * truncated/garbled (400). Without this they would end as 500 or in English. Ordered before the platform's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadProblems {
    private final DataSize maxFile;
    private final DataSize maxRequest;
    private final int maxParts;

    public UploadProblems(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
            @Value("${server.tomcat.max-part-count:10}") int maxParts) {
        this.maxFile = maxFile;
        this.maxRequest = maxRequest;
        this.maxParts = maxParts;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Data terlalu besar",
                "Kiriman terlalu besar: setiap berkas paling besar " + maxFile.toMegabytes() + " MB, seluruh "
                        + "kiriman " + maxRequest.toMegabytes() + " MB dan paling banyak " + maxParts + " bagian"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        return answer(Problems.invalidInput(List.of(new FieldProblem("body", "Kiriman multipart rusak atau tidak "
                + "lengkap; kirim ulang formulirnya"))));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
