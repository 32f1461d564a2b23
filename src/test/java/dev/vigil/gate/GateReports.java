package dev.vigil.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates gate reports against their schemas: the common JUnit.xsd and gate-report.schema.json. */
public final class GateReports {
  private static final JsonSchema JSON_SCHEMA = jsonSchema();
  private static final Schema JUNIT_SCHEMA = junitSchema();

  private GateReports() {}

  /** Fails the test, listing every violation, unless the JSON matches the report schema. */
  public static void assertValidJson(String json) {
    Set<ValidationMessage> problems = JSON_SCHEMA.validate(json, InputFormat.JSON);
    assertEquals(Set.of(), problems, json);
  }

  /** Fails the test unless the XML parses and validates against JUnit.xsd. */
  public static void assertValidJunit(String xml) {
    try {
      JUNIT_SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new AssertionError("not valid JUnit XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private static JsonSchema jsonSchema() {
    try (InputStream in = GateReports.class.getResourceAsStream("/schemas/gate-report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema junitSchema() {
    try {
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(GateReports.class.getResource("/junit/JUnit.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }
}
