package id.desaflow.intake.catalogue;

import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A village's own definition of a letter type (issue 8): read by the village's officials, changed, reset and its
 * versions listed by its administrators (admin-desa, or admin-kecamatan for the villages of their kecamatan).
 */
@RestController
@RequestMapping("/api/v1/villages/{code}/letter-types/{type}/definition")
@Tag(name = "Desa", description = "Villages served and the letter types each offers")
class DefinitionController {
    private final Villages villages;
    private final LetterTypes letterTypes;
    private final VillageLetterTypes offers;
    private final CurrentActor actor;

    DefinitionController(Villages villages, LetterTypes letterTypes, VillageLetterTypes offers, CurrentActor actor) {
        this.villages = villages;
        this.letterTypes = letterTypes;
        this.offers = offers;
        this.actor = actor;
    }

    @Schema(description = "The village's current definition of a letter type with the letter's wording; version 0 = "
            + "as shipped. shippedFields/shippedDocuments cannot be removed, requiredFields stay required; "
            + "placeholders are those the statement may use besides the definition's fields; fieldKinds with their "
            + "longest allowed maxLength")
    record DefinitionView(String villageCode, String letterType, int version, boolean offered, String changedBy,
            Instant changedAt, LetterType definition, String title, String statement, List<String> shippedFields,
            List<String> requiredFields, List<String> shippedDocuments, List<String> placeholders,
            List<KindView> fieldKinds, long maxDocumentBytes) {
    }

    @Schema(description = "A kind of data field and the longest maxLength a new field of it may have")
    record KindView(FieldKind kind, int maxLength) {
    }

    @Schema(description = "One version of the village's letter type: who, when, what changed (Indonesian)")
    record VersionView(int version, String changedBy, Instant changedAt, String summary) {
    }

    @GetMapping
    @Operation(summary = "The village's current definition of a letter type (officials of the village)")
    DefinitionView definition(@PathVariable String code, @PathVariable String type) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireOfficialOf(village.code());
        return view(village, shipped(type));
    }

    @PutMapping
    @Operation(summary = "Replace the village's definition of a letter type (administrators; 409 if someone saved "
            + "since basedOn; publishes LetterTypeChanged)")
    DefinitionView redefine(@PathVariable String code, @PathVariable String type, @RequestBody DefinitionInput body) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireAdministratorOf(village.code());
        LetterType shipped = shipped(type);
        offers.redefine(village, shipped, body, actor.id());
        return view(village, shipped);
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the village's letter type, newest first (officials of the village)")
    List<VersionView> versions(@PathVariable String code, @PathVariable String type) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireOfficialOf(village.code());
        return offers.versions(village, shipped(type)).stream()
                .map(c -> new VersionView(c.version(), c.changedBy(), c.changedAt(), c.summary())).toList();
    }

    @PostMapping("/reset")
    @Operation(summary = "Back to the shipped definition and wording, as a new version (administrators)")
    DefinitionView reset(@PathVariable String code, @PathVariable String type,
            @RequestParam(required = false) Integer basedOn) {
        Village village = LetterTypeController.village(villages, code);
        actor.requireAdministratorOf(village.code());
        LetterType shipped = shipped(type);
        offers.reset(village, shipped, basedOn, actor.id());
        return view(village, shipped);
    }

    private LetterType shipped(String type) {
        return letterTypes.find(type).orElseThrow(() -> ProblemException.notFound("Jenis surat " + type));
    }

    private DefinitionView view(Village village, LetterType shipped) {
        VillageLetterTypes.Offer offer = offers.offer(village, shipped);
        return new DefinitionView(village.code(), shipped.code(), offer.version(), offer.enabled(), offer.changedBy(),
                offer.changedAt(), offer.letterType(), offer.text().title(), offer.text().statement(),
                shipped.fields().stream().map(LetterField::name).toList(),
                shipped.fields().stream().filter(LetterField::required).map(LetterField::name).toList(),
                shipped.attachments().stream().map(AttachmentSpec::kind).toList(), LetterTexts.COMMON_PLACEHOLDERS,
                Arrays.stream(FieldKind.values()).map(k -> new KindView(k, k.defaultMaxLength())).toList(),
                offers.largestDocument());
    }
}
