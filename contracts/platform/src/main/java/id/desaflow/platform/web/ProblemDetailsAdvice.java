package id.desaflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error a service answers is RFC 9457 problem+json; input errors name each field. An unexpected exception
 * is logged with its trace and answered 500 without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return problem(Problems.invalidInput(e.problems()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problem(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Data terlalu besar",
                e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Terjadi kesalahan",
                "Terjadi kesalahan pada sistem. Silakan coba lagi nanti."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(
                f -> problems.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(
                g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return body(Problems.invalidInput(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return body(Problems.invalidInput(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(Problems.invalidInput(List.of(new FieldProblem(ex.getParameterName(), "Wajib diisi"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(Problems.invalidInput(List.of(new FieldProblem(ex.getRequestPartName(), "Wajib dilampirkan"))));
    }

    /** A query or path parameter of the wrong type ({@code ?page=abc}) names the parameter like a body field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return body(Problems.invalidInput(List.of(new FieldProblem(field == null ? "parameter" : field,
                "Format isian salah"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Data terlalu besar",
                    tooLarge.getMessage()));
        }
        return body(Problems.invalidInput(List.of(unreadable(ex.getCause()))));
    }

    /** Names the field Jackson stumbled on, in words a resident's app developer can act on. */
    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path(u), "Isian tidak dikenal");
        }
        if (cause instanceof InvalidFormatException f) {
            return new FieldProblem(path(f), "Format isian salah");
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return new FieldProblem(path(m), "Jenis isian salah");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldProblem("body", "Bukan JSON yang valid");
        }
        return new FieldProblem("body", "Isi permintaan tidak dapat dibaca");
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        return response == null ? null : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
