package id.desaflow.intake.catalogue;

import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/letter-types")
@Tag(name = "Jenis surat", description = "Letter-type catalogue: the fields and documents each letter asks for")
class LetterTypeController {
    private final LetterTypes letterTypes;
    private final Villages villages;
    private final VillageLetterTypes offers;

    LetterTypeController(LetterTypes letterTypes, Villages villages, VillageLetterTypes offers) {
        this.letterTypes = letterTypes;
        this.villages = villages;
        this.offers = offers;
    }

    @GetMapping
    @Operation(summary = "Letter types with their fields and attachments; with ?village= only those it offers")
    List<LetterType> all(@Parameter(description = "10-digit village code", example = "3309012004")
            @RequestParam(required = false) String village) {
        if (village == null) {
            return letterTypes.all();
        }
        return offers.offeredBy(village(villages, village));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One letter type with its fields and attachments; with ?village= as that village defines it")
    LetterType one(@PathVariable String code, @Parameter(description = "10-digit village code", example = "3309012004")
            @RequestParam(required = false) String village) {
        if (village == null) {
            return letterTypes.find(code).orElseThrow(() -> ProblemException.notFound("Jenis surat " + code));
        }
        Village v = village(villages, village);
        return offers.find(v.code(), code).map(t -> t.in(v))
                .orElseThrow(() -> ProblemException.notFound("Jenis surat " + code));
    }

    static Village village(Villages villages, String code) {
        return villages.find(code).orElseThrow(() -> ProblemException.notFound("Desa " + code));
    }
}
