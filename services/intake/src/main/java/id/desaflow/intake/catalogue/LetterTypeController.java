package id.desaflow.intake.catalogue;

import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/letter-types")
@Tag(name = "Jenis surat", description = "Letter-type catalogue: the fields each letter asks for")
class LetterTypeController {
    private final LetterTypes letterTypes;

    LetterTypeController(LetterTypes letterTypes) {
        this.letterTypes = letterTypes;
    }

    @GetMapping
    @Operation(summary = "List all letter types with their fields")
    List<LetterType> all() {
        return letterTypes.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One letter type with its fields")
    LetterType one(@PathVariable String code) {
        return letterTypes.find(code).orElseThrow(() -> ProblemException.notFound("Jenis surat " + code));
    }
}
