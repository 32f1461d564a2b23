package dev.vigil.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a step does. Values typed {@code Object} are JSON-like trees (maps, lists, strings,
 * numbers, booleans, null) that may hold {@code ${...}} templates, rendered just before the step
 * runs. Each kind has exactly one executor in the engine's registry.
 */
public sealed interface StepAction {

  /** A short, stable name of the kind, as written in journey files (for messages and metrics). */
  String kind();

  /**
   * Log in and detect the Odoo version. Reuses the tenant's live session unless {@code fresh}:
   * password checks cost Odoo 250-420 ms, so sessions are kept across runs.
   */
  record Login(boolean fresh) implements StepAction {
    @Override
    public String kind() {
      return "login";
    }
  }

  /**
   * An Odoo model method call ({@code call_kw} / {@code execute_kw} / {@code json/2}).
   *
   * @param follow wizard model to the method that completes it; when the call returns an action
   *     dict for one of these models, the wizard is created with the action's context and that
   *     method called (Odoo 16's {@code button_validate} needs this)
   */
  record OdooCall(
      Object model, String method, List<Object> args, Map<String, Object> kwargs,
      Map<String, String> follow)
      implements StepAction {
    public OdooCall {
      args = List.copyOf(args);
      kwargs = Map.copyOf(kwargs);
      follow = Map.copyOf(follow);
    }

    @Override
    public String kind() {
      return "call";
    }
  }

  /**
   * Find a record by domain or create it: idempotent set-up (e.g. a journal for synthetic
   * invoices). The result is the record id.
   */
  record Ensure(Object model, Object domain, Map<String, Object> values) implements StepAction {
    public Ensure {
      values = Map.copyOf(values);
    }

    @Override
    public String kind() {
      return "ensure";
    }
  }

  /** Repeat a call every {@code every} until all {@code until} assertions hold, or fail after {@code within}. */
  record Poll(OdooCall call, List<Assertion> until, Duration every, Duration within)
      implements StepAction {
    public Poll {
      until = List.copyOf(until);
    }

    @Override
    public String kind() {
      return "poll";
    }
  }

  /**
   * A plain HTTP request to the tenant's Odoo (or an origin the tenant allows). The result is
   * {@code {"status": n, "headers": {...}, "body": <json or text>}}.
   *
   * @param url a path on the tenant's base URL, or an absolute URL of an allowed origin
   * @param expectStatus the status that passes; {@code 0} means any status below 400
   */
  record Http(String method, Object url, Map<String, Object> headers, Object body, int expectStatus)
      implements StepAction {
    public Http {
      headers = Map.copyOf(headers);
    }

    @Override
    public String kind() {
      return "http";
    }
  }

  /** The journey needs these Odoo modules installed; if one is missing the run cannot apply here. */
  record RequireModules(List<String> modules) implements StepAction {
    public RequireModules {
      modules = List.copyOf(modules);
    }

    @Override
    public String kind() {
      return "require_modules";
    }
  }
}
