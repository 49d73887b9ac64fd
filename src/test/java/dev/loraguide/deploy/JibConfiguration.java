package dev.loraguide.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code <container>} configuration of the jib-maven-plugin in the main build of
 * pom.xml, shared by the jib profile and the image-layout execution.
 *
 * @param user the user the image runs as
 * @param environment the environment variables the image sets
 * @param ports the exposed ports
 */
record JibConfiguration(String user, Map<String, String> environment, List<String> ports) {

	private static final String CONTAINER = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']"
			+ "/configuration/container";

	static JibConfiguration read() {
		try {
			Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DeployFiles.POM.toFile());
			XPath xpath = XPathFactory.newInstance().newXPath();
			Node container = (Node) xpath.evaluate(CONTAINER, pom, XPathConstants.NODE);
			if (container == null) {
				throw new IllegalStateException("no jib-maven-plugin <container> in the main build of pom.xml");
			}
			Map<String, String> environment = new LinkedHashMap<>();
			for (Node variable : elements(
					(NodeList) xpath.evaluate("environment/*", container, XPathConstants.NODESET))) {
				environment.put(variable.getNodeName(), variable.getTextContent().strip());
			}
			List<String> ports = elements((NodeList) xpath.evaluate("ports/port", container, XPathConstants.NODESET))
				.stream()
				.map((port) -> port.getTextContent().strip())
				.toList();
			return new JibConfiguration(xpath.evaluate("user", container).strip(), environment, ports);
		}
		catch (ParserConfigurationException | SAXException | IOException | XPathExpressionException ex) {
			throw new IllegalStateException("cannot read the Jib configuration from pom.xml", ex);
		}
	}

	private static List<Node> elements(NodeList nodes) {
		List<Node> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add(nodes.item(i));
		}
		return elements;
	}

}
