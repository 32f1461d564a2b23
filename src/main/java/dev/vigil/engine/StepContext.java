package dev.vigil.engine;

import dev.vigil.domain.Tenant;
import dev.vigil.journey.Template;
import dev.vigil.odoo.OdooClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;

/**
 * What an executor may use while running one step: the tenant, its Odoo client, the template
 * bindings of this moment of the run, the step's deadline, the run's id and resources, and the
 * step's evidence. Confined to the run's event loop.
 */
public final class StepContext {
  private final Vertx vertx;
  private final Tenant tenant;
  private final OdooClient odoo;
  private final Map<String, Object> bindings;
  private final Deadline deadline;
  private final Run run;

  /**
   * The run a step belongs to: its id, what it holds until it ends, and what this step records.
   */
  public record Run(String runId, String stepName, RunResources resources, StepEvidence evidence) {}

  public StepContext(
      Vertx vertx, Tenant tenant, OdooClient odoo, Map<String, Object> bindings, Deadline deadline,
      Run run) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.odoo = odoo;
    this.bindings = bindings;
    this.deadline = deadline;
    this.run = run;
  }

  /** The run's id, its resources, this step's name and evidence. */
  public Run run() {
    return run;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Tenant tenant() {
    return tenant;
  }

  public OdooClient odoo() {
    return odoo;
  }

  public Map<String, Object> bindings() {
    return bindings;
  }

  /** Time left for this step; pass it as the timeout of every call the step makes. */
  public Duration remaining() {
    return deadline.remaining();
  }

  /** A deadline {@code duration} from now on the same monotonic clock as the step's. */
  public Deadline deadlineAfter(Duration duration) {
    return Deadline.after(duration, deadline.nanoTime());
  }

  /**
   * Renders the templates in a value tree.
   *
   * @throws Template.UnresolvedException when an expression leads nowhere
   */
  public Object render(Object tree) {
    return Template.renderTree(tree, bindings);
  }

  /** Renders a value that must come out as text (a model name, a URL). */
  public String renderText(Object tree) {
    Object value = render(tree);
    if (!(value instanceof String text)) {
      throw new StepFault(
          dev.vigil.domain.ErrorClass.JOURNEY, "expected text but " + tree + " rendered to " + value);
    }
    return text;
  }
}
