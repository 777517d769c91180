package id.desaflow.portal.workflows;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The steps of a BPMN version a running request can wait in (tasks, sub-processes, catch events): the choices for
 * a manual migration mapping. Parsed without DOCTYPEs or external entities: the file comes from the service, but
 * an administrator wrote it.
 */
final class TargetSteps {
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> WAITING = Set.of("subProcess", "callActivity", "intermediateCatchEvent",
            "receiveTask", "eventBasedGateway");

    private TargetSteps() {
    }

    static List<Workflows.Step> of(String xml) {
        List<Workflows.Step> steps = new ArrayList<>();
        if (xml == null || xml.isBlank()) {
            return steps;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            NodeList all = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                    .getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Node node = all.item(i);
                String type = node.getLocalName();
                if (node instanceof Element element && !element.getAttribute("id").isEmpty()
                        && (type.endsWith("Task") || WAITING.contains(type))) {
                    steps.add(new Workflows.Step(element.getAttribute("id"), element.getAttribute("name")));
                }
            }
        } catch (Exception unreadable) {
            return List.of(); // no choices offered; the administrator still sees the dry run's own findings
        }
        return steps;
    }
}
