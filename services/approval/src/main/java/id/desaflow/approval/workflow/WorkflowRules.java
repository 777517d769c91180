package id.desaflow.approval.workflow;

import id.desaflow.approval.letter.LetterCatalogue;
import id.desaflow.approval.workflow.rules.DeployChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * DesaFlow's deploy rules (id.desaflow.approval.workflow.rules; a DMN decision table is checked by its own rules).
 * The file is parsed by a hardened parser first (no DTD, so no external or expanding
 * entities; bounded size) because it comes from a browser and the engine's own parser is not the place to find out.
 */
@Component
public class WorkflowRules implements WorkflowValidator {
    static final int MAX_BYTES = 1024 * 1024;
    /** Real diagrams nest a few levels (sub-processes, extensions); the checks walk the tree recursively. */
    static final int MAX_DEPTH = 64;

    private final DeployChecks checks;

    /** The catalogue answers a code's own text as label when it does not know the code. */
    @Autowired
    WorkflowRules(LetterCatalogue catalogue) {
        this(code -> code != null && !catalogue.label(code).equals(code));
    }

    /** @param isLetterType whether a code is a letter type of the catalogue (tests pass the catalogue's codes) */
    public WorkflowRules(Predicate<String> isLetterType) {
        this.checks = new DeployChecks(isLetterType);
    }

    @Override
    public List<WorkflowProblem> validate(byte[] xml, String expectedKey) {
        List<WorkflowProblem> problems = new ArrayList<>();
        if (xml == null || xml.length == 0) {
            problems.add(new WorkflowProblem(null, "xml-safe", "Berkas BPMN kosong"));
            return problems;
        }
        if (xml.length > MAX_BYTES) {
            problems.add(new WorkflowProblem(null, "xml-safe", "Berkas BPMN lebih dari 1 MB"));
            return problems;
        }
        Document dom;
        try {
            dom = parse(xml);
        } catch (SAXException e) {
            problems.add(new WorkflowProblem(null, "xml-safe", "Berkas bukan XML yang sah dan aman (DOCTYPE dan "
                    + "entitas tidak diizinkan): " + e.getMessage()));
            return problems;
        }
        if (depth(dom) > MAX_DEPTH) {
            problems.add(new WorkflowProblem(null, "xml-safe", "Berkas BPMN bertingkat lebih dari " + MAX_DEPTH
                    + " elemen"));
            return problems;
        }
        problems.addAll(checks.check(dom, xml, expectedKey));
        return problems;
    }

    /** The deepest element nesting, walked without recursion (the file may be built to overflow a stack). */
    static int depth(Document dom) {
        int depth = 0;
        int max = 0;
        Node node = dom.getDocumentElement();
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                max = Math.max(max, depth + 1);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = node.getParentNode();
                depth--;
                if (node == dom) {
                    return max;
                }
            }
            node = node == null ? null : node.getNextSibling();
        }
        return max;
    }

    /** A namespace-aware DOM of a file that has no DOCTYPE at all. */
    static Document parse(byte[] xml) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser", e);
        }
    }
}
