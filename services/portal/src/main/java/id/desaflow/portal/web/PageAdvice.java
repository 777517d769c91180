package id.desaflow.portal.web;

import id.desaflow.portal.backend.BackendUnavailableException;
import id.desaflow.portal.backend.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/** What every page needs, and the friendly pages shown when a service cannot help (never a stack trace). */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final String villageName;
    private final MessageSource messages;

    PageAdvice(@Value("${desaflow.portal.village-name}") String villageName, MessageSource messages) {
        this.villageName = villageName;
        this.messages = messages;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("languageLink", languageLink(request));
        model.addAttribute("villageName", villageName);
    }

    /**
     * This page in the other language, its query kept (a form's key, a filter), so switching never loses work. GET
     * pages only: after a form post the link leads to the page's plain address.
     */
    static String languageLink(HttpServletRequest request) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "id" : "en";
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
            link.query(request.getQueryString());
        }
        return link.replaceQueryParam("lang", other).build().toUriString();
    }

    @ExceptionHandler({BackendUnavailableException.class, ResourceAccessException.class})
    ModelAndView unavailable(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Page {} could not reach a service: {}", request.getRequestURI(), e.toString());
        response.setHeader("Retry-After", "5");
        return page("error/layanan", HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A refusal the page did not expect (e.g. 409): show the service's own explanation. */
    @ExceptionHandler(HttpClientErrorException.class)
    ModelAndView refused(HttpClientErrorException e, HttpServletRequest request) {
        log.info("Page {} refused by a service with {}", request.getRequestURI(), e.getStatusCode().value());
        ModelAndView page = page("error/ditolak", HttpStatus.valueOf(e.getStatusCode().value()), request);
        page.addObject("problem", Problem.of(e));
        return page;
    }

    /** A refusal the portal itself decided (not an administrator, an unknown workflow): the reason in the page's language. */
    @ExceptionHandler(PageRefusal.class)
    ModelAndView refused(PageRefusal e, HttpServletRequest request) {
        ModelAndView page = page("error/ditolak", e.status(), request);
        page.addObject("problem", new Problem(null, messages.getMessage(e.messageKey(), null,
                LocaleContextHolder.getLocale()), List.of(), null));
        return page;
    }

    /** Exception handlers do not get @ModelAttribute values, so the layout's needs are added here. */
    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("currentPath", request.getRequestURI());
        page.addObject("languageLink", languageLink(request));
        page.addObject("villageName", villageName);
        return page;
    }
}
