package id.desaflow.intake.village;

import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/villages")
@Tag(name = "Desa", description = "Villages served and the letter types they offer")
class VillageController {
    private final Villages villages;

    VillageController(Villages villages) {
        this.villages = villages;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One village with its dusun and enabled letter types")
    Village one(@PathVariable String code) {
        return villages.find(code).orElseThrow(() -> ProblemException.notFound("Desa " + code));
    }
}
