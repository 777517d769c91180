package id.desaflow.platform.web;

/** One invalid field of a request: {@code field} is its JSON path (e.g. {@code applicant.nik}), message Indonesian. */
public record FieldProblem(String field, String message) {
}
