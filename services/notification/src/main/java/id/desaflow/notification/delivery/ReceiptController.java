package id.desaflow.notification.delivery;

import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivery receipts from SMS / WhatsApp providers. No login: each provider proves itself with its shared secret
 * (Twilio: X-Twilio-Signature; WhatsApp Cloud API: X-Hub-Signature-256), checked by the provider's adapter.
 */
@RestController
@RequestMapping("/api/v1/providers/{provider}/receipts")
@Tag(name = "Penyedia", description = "Laporan penerimaan (delivery receipts) dari penyedia SMS / WhatsApp")
class ReceiptController {
    private final Map<String, ProviderReceipts> providers;
    private final DeliveryReceipts receipts;
    private final String publicBaseUrl;

    ReceiptController(List<ProviderReceipts> providers, DeliveryReceipts receipts,
            @Value("${desaflow.notification.receipts.base-url:}") String publicBaseUrl) {
        this.providers = providers.stream().collect(Collectors.toMap(ProviderReceipts::provider,
                Function.identity()));
        this.receipts = receipts;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Terima laporan penerimaan (form)",
            description = "Twilio status callback (form-encoded), ditandatangani dengan X-Twilio-Signature.")
    ResponseEntity<Void> formReceipt(@PathVariable String provider, @RequestParam MultiValueMap<String, String> all,
            @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        Map<String, String> query = query(request);
        // the servlet merges query and body parameters; signatures cover the body ones only
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(all);
        query.keySet().forEach(form::remove);
        return read(provider, new ReceiptRequest(url(request), query, form, new byte[0], headers));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Terima laporan penerimaan (JSON)",
            description = "WhatsApp Cloud API webhook (JSON), ditandatangani dengan X-Hub-Signature-256.")
    ResponseEntity<Void> jsonReceipt(@PathVariable String provider, @RequestBody byte[] body,
            @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        return read(provider, new ReceiptRequest(url(request), query(request), Map.of(), body, headers));
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Verifikasi langganan webhook",
            description = "Jabat tangan WhatsApp Cloud API: hub.mode=subscribe, hub.verify_token, hub.challenge.")
    ResponseEntity<String> handshake(@PathVariable String provider, @RequestParam Map<String, String> params) {
        return provider(provider).handshake(params).map(ResponseEntity::ok)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "receipt-handshake-refused",
                        "Ditolak", "Token verifikasi tidak cocok.", null));
    }

    private ResponseEntity<Void> read(String provider, ReceiptRequest request) {
        List<Receipt> read;
        try {
            read = provider(provider).read(request);
        } catch (ReceiptRejectedException e) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "receipt-signature-invalid", "Ditolak", e.getMessage(),
                    null);
        }
        read.forEach(r -> receipts.apply(provider, r));
        return ResponseEntity.ok().build();
    }

    private ProviderReceipts provider(String name) {
        ProviderReceipts p = providers.get(name);
        if (p == null) {
            throw ProblemException.notFound("Penyedia " + name);
        }
        return p;
    }

    /** The URL as the provider called it: our public base (what we gave the provider) + path + query. */
    private String url(HttpServletRequest request) {
        String base = publicBaseUrl.isEmpty()
                ? request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                : publicBaseUrl;
        return base + request.getRequestURI() + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString());
    }

    private static Map<String, String> query(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Map.of();
        }
        Map<String, String> query = new HashMap<>();
        UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().forEach(
                (k, v) -> query.put(decode(k), v.isEmpty() || v.get(0) == null ? "" : decode(v.get(0))));
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
