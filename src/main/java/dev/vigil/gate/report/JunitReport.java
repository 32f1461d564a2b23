package dev.vigil.gate.report;

import dev.vigil.gate.GateReport;
import dev.vigil.gate.JourneySummary;
import dev.vigil.gate.ThresholdCheck;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A gate's report as JUnit XML in the Apache Ant format that Jenkins, GitLab, GitHub Actions
 * reporters and others render (valid against the common {@code JUnit.xsd}): one
 * {@code <testsuite>} per tenant, one {@code <testcase>} per journey of that tenant, named after
 * the journey. A tenant × journey whose thresholds were not met has a {@code <failure>} whose
 * message names the failed thresholds and whose text lists them and the runs that did not pass,
 * each with its failed step and message; one that could not reach its target has an
 * {@code <error>} instead. Overall thresholds form a last suite, {@code overall}, whose failure
 * lists every run that did not pass.
 */
public final class JunitReport {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String PACKAGE = "vigil.gate";
  private static final int LISTED_RUNS = 20;

  private JunitReport() {}

  /** The XML document; {@code hostname} is where the gate ran ({@code localhost} if unknown). */
  public static String render(GateReport report, String hostname) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      int id = 0;
      for (Map.Entry<String, List<JourneySummary>> tenant : byTenant(report).entrySet()) {
        List<Case> cases = tenant.getValue().stream().map(JunitReport::journeyCase).toList();
        suite(xml, id++, tenant.getKey(), cases, report, hostname);
      }
      if (!report.overall().isEmpty()) {
        suite(xml, id, "overall", List.of(overallCase(report)), report, hostname);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the JUnit report", e);
    }
    return out.toString();
  }

  /** One testcase: its name, time and, when it did not pass, a failure or an error. */
  private record Case(String name, double seconds, String kind, String type, String message, String text) {}

  private static Map<String, List<JourneySummary>> byTenant(GateReport report) {
    Map<String, List<JourneySummary>> byTenant = new LinkedHashMap<>();
    report.journeys().forEach(j -> byTenant.computeIfAbsent(j.tenantId(), t -> new ArrayList<>()).add(j));
    return byTenant;
  }

  private static Case journeyCase(JourneySummary summary) {
    double seconds = summary.totalTime().toNanos() / 1e9;
    List<String> lines = new ArrayList<>();
    summary.failedChecks().forEach(c -> lines.add("threshold not met: " + c.describe()));
    lines.addAll(failedRuns(summary));
    String text = String.join("\n", lines);
    if (summary.unreachable()) {
      FailedRun first = FailedRun.of(summary.failedRuns().get(0));
      return new Case(summary.journeyId(), seconds, "error", first.errorClass().isEmpty() ? first.outcome() : first.errorClass(),
          "could not reach the target: step " + first.step() + ": " + first.message(), text);
    }
    if (!summary.thresholdsMet()) {
      return new Case(summary.journeyId(), seconds, "failure", "threshold",
          summary.failedChecks().stream().map(ThresholdCheck::describe).collect(Collectors.joining("; ")), text);
    }
    return new Case(summary.journeyId(), seconds, null, null, null, null);
  }

  private static Case overallCase(GateReport report) {
    List<ThresholdCheck> failed = report.overall().stream().filter(c -> !c.passed()).toList();
    if (failed.isEmpty()) {
      return new Case("thresholds", 0, null, null, null, null);
    }
    String message = failed.stream().map(ThresholdCheck::describe).collect(Collectors.joining("; "));
    List<String> lines = new ArrayList<>(List.of("threshold(s) not met: " + message));
    report.journeys().forEach(j -> lines.addAll(failedRuns(j)));
    return new Case("thresholds", 0, "failure", "threshold", message, String.join("\n", lines));
  }

  /** The runs that did not pass, each with its failed step and message; the first few only. */
  private static List<String> failedRuns(JourneySummary summary) {
    List<String> lines = new ArrayList<>();
    summary.failedRuns().stream().limit(LISTED_RUNS).map(r -> summary.name() + " " + FailedRun.of(r).describe())
        .forEach(lines::add);
    if (summary.failedRuns().size() > LISTED_RUNS) {
      lines.add("… and " + (summary.failedRuns().size() - LISTED_RUNS) + " more run(s) of " + summary.name()
          + " that did not pass");
    }
    return lines;
  }

  private static void suite(XMLStreamWriter xml, int id, String name, List<Case> cases, GateReport report,
      String hostname) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("package", PACKAGE);
    xml.writeAttribute("id", Integer.toString(id));
    xml.writeAttribute("timestamp", TIMESTAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS)));
    xml.writeAttribute("hostname", hostname.isBlank() ? "localhost" : hostname);
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> "failure".equals(c.kind())).count()));
    xml.writeAttribute("errors", Long.toString(cases.stream().filter(c -> "error".equals(c.kind())).count()));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "vigil.verdict", report.verdict().name());
    property(xml, "vigil.runs", Integer.toString(report.runsPerTarget()));
    property(xml, "vigil.concurrency", Integer.toString(report.concurrency()));
    xml.writeEndElement();
    for (Case c : cases) {
      testcase(xml, name, c);
    }
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("system-out");
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("system-err");
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void testcase(XMLStreamWriter xml, String suite, Case c) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    if (c.kind() == null) {
      xml.writeEmptyElement("testcase");
      caseAttributes(xml, suite, c);
      return;
    }
    xml.writeStartElement("testcase");
    caseAttributes(xml, suite, c);
    xml.writeCharacters("\n      ");
    xml.writeStartElement(c.kind());
    xml.writeAttribute("type", c.type());
    xml.writeAttribute("message", c.message());
    xml.writeCharacters(c.text());
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void caseAttributes(XMLStreamWriter xml, String suite, Case c) throws XMLStreamException {
    xml.writeAttribute("name", c.name());
    xml.writeAttribute("classname", PACKAGE + "." + suite);
    xml.writeAttribute("time", seconds(c.seconds()));
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }
}
