package id.desaflow.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds DesaFlow's problem documents: one type URI per problem, Indonesian titles, field errors under errors. */
public final class Problems {
    public static final String TYPE_BASE = "https://desaflow.id/problems/";

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidInput(List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "invalid-input", "Data tidak valid",
                "Periksa kembali isian berikut: " + String.join(", ",
                        problems.stream().map(FieldProblem::field).distinct().toList()));
        problem.setProperty("errors", problems);
        return problem;
    }

    private Problems() {
    }
}
