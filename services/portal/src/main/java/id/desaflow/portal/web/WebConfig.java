package id.desaflow.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Indonesian first; English when asked by {@code ?lang=en} (remembered in a cookie) or by Accept-Language. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("desaflow-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // Without an Accept-Language header the servlet container would report the JVM's locale: ignore it.
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? INDONESIAN
                : supported(request.getLocales()));
        return resolver;
    }

    private static Locale supported(java.util.Enumeration<Locale> wanted) {
        while (wanted.hasMoreElements()) {
            String language = wanted.nextElement().getLanguage();
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(language)) {
                    return locale;
                }
            }
        }
        return INDONESIAN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/api/**", "/actuator/**");
    }
}
