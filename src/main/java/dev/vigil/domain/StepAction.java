package dev.vigil.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * A step driven in a real browser (Chromium, through Playwright), in the run's own browser
   * context: no cookies or storage are shared between runs or tenants. Selectors are Playwright
   * selectors (CSS by default); every wait is bounded by the step's timeout.
   */
  sealed interface Browser extends StepAction {

    /**
     * Opens a page and waits for its {@code load} event. The step records the browser's own
     * navigation timings ({@code ttfb}, {@code domContentLoaded}, {@code load}, {@code lcp}).
     *
     * @param url a path on the tenant's Odoo ({@code /web/login}) or an absolute URL of an allowed
     *     origin; may hold templates
     */
    record Navigate(Object url) implements Browser {
      @Override
      public String kind() {
        return "navigate";
      }
    }

    /**
     * Types into a field. The value is either {@code value} (may hold templates) or, when
     * {@code password} is set, the tenant's password, which is never shown in a message or log.
     */
    record Fill(String selector, Object value, boolean password) implements Browser {
      @Override
      public String kind() {
        return "fill";
      }
    }

    /** Clicks an element once it is visible and enabled. */
    record Click(String selector) implements Browser {
      @Override
      public String kind() {
        return "click";
      }
    }

    /** Presses a key ({@code Enter}, {@code Control+K}) in an element. */
    record Press(String selector, String key) implements Browser {
      @Override
      public String kind() {
        return "press";
      }
    }

    /**
     * Waits until an element is visible, the page's URL matches, or the network is idle.
     *
     * @param selector an element to wait for, if any
     * @param url a glob (Playwright's URL glob) the page's URL must match, if any
     * @param networkIdle wait for no network traffic for 500 ms
     * @param failIf a selector whose appearance fails the step at once (a login error message)
     */
    record WaitFor(
        Optional<String> selector, Optional<String> url, boolean networkIdle, Optional<String> failIf)
        implements Browser {
      @Override
      public String kind() {
        return "wait_for";
      }
    }

    /** The element's text contains {@code text} (may hold templates). */
    record AssertText(String selector, Object text) implements Browser {
      @Override
      public String kind() {
        return "assert_text";
      }
    }

    /** The element is visible ({@code visible}) or absent or hidden ({@code !visible}). */
    record AssertVisible(String selector, boolean visible) implements Browser {
      @Override
      public String kind() {
        return "assert_visible";
      }
    }

    /** Saves a screenshot of the page as the step's artifact. */
    record Screenshot(boolean fullPage) implements Browser {
      @Override
      public String kind() {
        return "screenshot";
      }
    }
  }
}
