package id.desaflow.portal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/** Boot's error pages render with the shared layout too, which needs the village name and the current path. */
@Component
class PortalErrorAttributes extends DefaultErrorAttributes {
    private final String villageName;

    PortalErrorAttributes(@Value("${desaflow.portal.village-name}") String villageName) {
        this.villageName = villageName;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.put("villageName", villageName);
        attributes.put("currentPath", attributes.getOrDefault("path", "/"));
        return attributes;
    }
}
