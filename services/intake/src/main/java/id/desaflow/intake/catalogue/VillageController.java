package id.desaflow.intake.catalogue;

import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/villages/{code}")
@Tag(name = "Desa", description = "Villages served and the letter types each offers")
class VillageController {
    private final Villages villages;
    private final LetterTypes letterTypes;
    private final VillageLetterTypes offers;
    private final CurrentActor actor;

    VillageController(Villages villages, LetterTypes letterTypes, VillageLetterTypes offers, CurrentActor actor) {
        this.villages = villages;
        this.letterTypes = letterTypes;
        this.offers = offers;
        this.actor = actor;
    }

    @Schema(description = "A village with the letter types it offers now")
    record VillageView(String code, String name, String kecamatan, String kabupaten, String provinsi,
            List<String> dusun, List<String> enabledLetterTypes) {
    }

    @Schema(description = "A letter type as the village offers it; changedBy/changedAt when an administrator "
            + "last switched or redefined it; version 0 = as shipped")
    record OfferView(String code, String label, String labelEn, boolean onlineAllowed, boolean enabled,
            String changedBy, Instant changedAt, int version) {
        static OfferView of(VillageLetterTypes.Offer offer) {
            LetterType t = offer.letterType();
            return new OfferView(t.code(), t.label(), t.labelEn(), t.onlineAllowed(), offer.enabled(),
                    offer.changedBy(), offer.changedAt(), offer.version());
        }
    }

    @Schema(description = "Switch a letter type on or off for the village")
    record Switch(Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "One village with its dusun and the letter types it offers")
    VillageView one(@PathVariable String code) {
        Village v = LetterTypeController.village(villages, code);
        return new VillageView(v.code(), v.name(), v.kecamatan(), v.kabupaten(), v.provinsi(), v.dusun(),
                offers.offeredBy(v).stream().map(LetterType::code).toList());
    }

    @GetMapping("/letter-types")
    @Operation(summary = "Every letter type of the catalogue and whether the village offers it (admin view)")
    List<OfferView> letterTypes(@PathVariable String code) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireOfficialOf(village.code());
        return offers.offers(village).stream().map(OfferView::of).toList();
    }

    @PutMapping("/letter-types/{type}")
    @Operation(summary = "Switch a letter type on or off for the village (admin-desa; audited)")
    OfferView set(@PathVariable String code, @PathVariable String type, @RequestBody Switch body) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireAdministratorOf(village.code());
        LetterType letterType = letterTypes.find(type)
                .orElseThrow(() -> ProblemException.notFound("Jenis surat " + type));
        if (body.enabled() == null) {
            throw new InvalidInputException("enabled", "Isian enabled wajib diisi (true atau false)");
        }
        return OfferView.of(offers.set(village, letterType, body.enabled(), actor.id()));
    }

    @GetMapping("/letter-types/audit")
    @Operation(summary = "Who switched which letter type, when (newest first)")
    List<VillageSettings.Change> audit(@PathVariable String code) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireOfficialOf(village.code());
        return offers.history(village);
    }
}
