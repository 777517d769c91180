package id.desaflow.portal.application;

import id.desaflow.portal.catalogue.FileSizes;
import id.desaflow.portal.catalogue.LetterAttachment;
import id.desaflow.portal.catalogue.LetterField;
import id.desaflow.portal.catalogue.LetterType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the application form (resident's or counter's) into a {@link Draft} and finds what is plainly missing before
 * the review step. Intake stays the judge of every rule (NIK structure, formats, the registry); these checks only
 * spare a resident a round trip for an empty required field or a document that cannot be right. Inputs: {@code
 * applicant.*}, {@code data.<field>}, files {@code lampiran.<kind>}, counter's {@code kertas.<kind>} (brought on
 * paper) and {@code hapus.<kind>} (drop a document kept from before).
 */
@Component
public class ApplicationForms {
    public static final List<String> APPLICANT = List.of("nik", "name", "phone", "email");

    private final MessageSource messages;

    ApplicationForms(MessageSource messages) {
        this.messages = messages;
    }

    public Draft read(String key, LetterType type, String villageCode, MultiValueMap<String, String> form,
            HttpServletRequest request, Draft previous, boolean counter) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("villageCode", villageCode);
        APPLICANT.forEach(name -> values.put("applicant." + name, value(form, "applicant." + name)));
        values.computeIfPresent("applicant.nik", (k, nik) -> nik.replaceAll("[\\s.\\-]", ""));
        type.fields().forEach(f -> values.put("data." + f.name(), value(form, "data." + f.name())));

        Map<String, Draft.File> files = new LinkedHashMap<>(previous == null ? Map.of() : previous.files());
        Set<String> onPaper = new HashSet<>();
        for (LetterAttachment document : type.attachments()) {
            if ("1".equals(form.getFirst("hapus." + document.kind()))) {
                files.remove(document.kind());
            }
            // the parsed upload may sit under the security filters' request wrappers
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
                    MultipartHttpServletRequest.class);
            if (multipart != null) {
                MultipartFile file = multipart.getFile("lampiran." + document.kind());
                if (file != null && !file.isEmpty()) {
                    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                            ? document.kind() : file.getOriginalFilename();
                    files.put(document.kind(), new Draft.File(document.kind(), name, file.getContentType(),
                            file.getBytes()));
                }
            }
            if (counter && "1".equals(form.getFirst("kertas." + document.kind()))
                    && !files.containsKey(document.kind())) {
                onPaper.add(document.kind()); // an upload wins over "brought on paper": intake wants one of them
            }
        }
        return new Draft(key, type.code(), values, files, onPaper, null);
    }

    /** The values of a draft as the form's inputs show them again. */
    public static Map<String, String> entered(Draft draft) {
        return new HashMap<>(draft.values());
    }

    /** What is plainly wrong, keyed like intake's field errors (field path, or the document's kind). */
    public Map<String, String> problems(Draft draft, LetterType type, boolean counter, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        String nik = draft.value("applicant.nik");
        if (nik.isEmpty()) {
            problems.put("applicant.nik", text("check.required", locale, text("apply.nik", locale)));
        } else if (!nik.matches("[0-9]{16}")) {
            problems.put("applicant.nik", text("check.nik", locale));
        }
        if (draft.value("applicant.name").isEmpty()) {
            problems.put("applicant.name", text("check.required", locale, text("apply.name", locale)));
        }
        for (LetterField field : type.fields()) {
            String value = draft.value("data." + field.name());
            if (field.required() && value.isEmpty()) {
                problems.put("data." + field.name(), text("check.required", locale, field.label(locale)));
            } else if (field.maxLength() != null && value.length() > field.maxLength()) {
                problems.put("data." + field.name(), text("check.tooLong", locale, field.label(locale),
                        field.maxLength()));
            }
        }
        for (LetterAttachment document : type.attachments()) {
            Draft.File file = draft.files().get(document.kind());
            if (file == null) {
                if (document.required() && !draft.onPaper().contains(document.kind())) {
                    problems.put(document.kind(), text(counter ? "check.documentOrPaper" : "check.document", locale,
                            document.label(locale)));
                }
            } else if (file.size() > document.maxBytes()) {
                problems.put(document.kind(), text("check.documentTooLarge", locale, document.label(locale),
                        FileSizes.text(document.maxBytes()), file.sizeText()));
            } else if (!document.accepts(FileContent.sniff(file.bytes()))) {
                problems.put(document.kind(), text("check.documentFormat", locale, document.label(locale),
                        document.limits()));
            }
        }
        return problems;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
