package id.desaflow.notification.delivery;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client of a gateway provider: short timeouts, so a hanging provider cannot stall the dispatcher. */
public final class ProviderHttp {

    public static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    /** The first characters of a provider's answer, for the log (never the whole, never unmasked numbers). */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(kosong)";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private ProviderHttp() {
    }
}
