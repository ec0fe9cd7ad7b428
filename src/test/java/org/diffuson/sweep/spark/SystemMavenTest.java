package org.diffuson.sweep.spark;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The throw-away pom of the shared mvn helper is well-formed Maven XML with the requested dependencies. */
class SystemMavenTest {
    @Test
    void pomListsCoordinatesWithClassifierAndEscapedRepository() throws Exception {
        String pom = SystemMaven.pom("g.x", "a-y", List.of("org.a:b:1.0", "org.c:d:linux-x86_64:2.1"), "https://r.example/m?a=1&b=2");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
        NodeList deps = d.getElementsByTagNameNS("*", "dependency");
        assertEquals(2, deps.getLength());
        Element second = (Element) deps.item(1);
        assertEquals("linux-x86_64", second.getElementsByTagNameNS("*", "classifier").item(0).getTextContent());
        assertEquals("2.1", second.getElementsByTagNameNS("*", "version").item(0).getTextContent());
        assertEquals("https://r.example/m?a=1&b=2", d.getElementsByTagNameNS("*", "url").item(0).getTextContent());
        assertFalse(SystemMaven.pom("g", "a", List.of("x:y:3"), null).contains("<repositories>"));
        assertTrue(SystemMaven.command().endsWith("mvn"));
    }
}
