package dev.vigil.sandbox.server;

/** The non-JSON bodies of an Odoo server: its 404 page, werkzeug's 400 and 303 pages, the login page and the web client. */
final class HtmlPages {
  private HtmlPages() {}

  /** Odoo's "page not found" page (shortened: the head and a message). */
  static String notFound() {
    return """
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta http-equiv="X-UA-Compatible" content="IE=edge"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>Odoo</title>
            </head>
            <body>
                <h1>404: Page not found</h1>
                <p>The page you were looking for could not be found; it is possible you have typed the address
                incorrectly, but it has most probably been removed due to the recent website reorganisation.</p>
            </body>
        </html>
        """;
  }

  /**
   * Odoo's login page ({@code web.login}, shortened): {@code form.oe_login_form} posting to
   * {@code /web/login} with {@code csrf_token}, {@code db} (shown when the server has several
   * databases), {@code login}, {@code password}, {@code redirect} and a submit button; after a
   * refused login, the {@code alert-danger} paragraph Odoo shows.
   *
   * @param db the database chosen with {@code ?db=}, or null
   * @param error the message of a refused login, or null
   */
  static String login(String db, String error, String redirect) {
    String dbField = db == null ? "" : """
                    <div class="mb-3 field-db">
                        <label for="db" class="col-form-label">Database</label>
                        <div class="input-group">
                            <input type="text" name="db" value="%s" id="db" class="form-control" required="required" readonly="readonly"/>
                            <a role="button" href="/web/database/selector" class="btn btn-secondary">Select</a>
                        </div>
                    </div>
        """.formatted(escape(db));
    String alert = error == null ? "" : "                <p class=\"alert alert-danger\" role=\"alert\">" + escape(error) + "</p>\n";
    return """
        <!DOCTYPE html>
        <html>
            <head><meta charset="utf-8"/><title>Login | Odoo</title></head>
            <body>
                <main>
                <form class="oe_login_form" role="form" method="post" action="/web/login">
                    <input type="hidden" name="csrf_token" value="sandbox"/>
        %s
                    <div class="mb-3 field-login">
                        <label for="login" class="form-label">Email</label>
                        <input type="text" placeholder="Email" name="login" id="login" required="required" autofocus="autofocus" autocapitalize="off" class="form-control"/>
                    </div>
                    <div class="mb-3">
                        <label for="password" class="form-label">Password</label>
                        <input type="password" placeholder="Password" name="password" id="password" required="required" autocomplete="current-password" maxlength="4096" class="form-control"/>
                    </div>
        %s
                    <input type="hidden" name="redirect" value="%s"/>
                    <div class="clearfix oe_login_buttons text-center gap-1 d-grid mb-1 pt-3">
                        <button type="submit" class="btn btn-primary">Log in</button>
                    </div>
                </form>
                </main>
            </body>
        </html>
        """.formatted(dbField, alert, escape(redirect == null ? "" : redirect));
  }

  /**
   * The web client after login, reduced to what journeys look at: the main navbar
   * ({@code nav.o_main_navbar}) and the action manager. Opening the customer invoices action
   * ({@code #action=account.action_move_out_invoice_type} on 16 and 17,
   * {@code /odoo/action-account.action_move_out_invoice_type} from 18 on) fetches invoices with
   * {@code search_read} over JSON-RPC, as the real client does, and renders them as list rows
   * ({@code .o_list_renderer tr.o_data_row}).
   */
  static String webClient(String userName) {
    return """
        <!DOCTYPE html>
        <html>
            <head><meta charset="utf-8"/><title>Odoo</title></head>
            <body class="o_web_client">
                <header class="o_navbar">
                    <nav class="o_main_navbar" data-command-category="navbar">
                        <button class="o_menu_toggle" title="Home Menu">&#9776;</button>
                        <a class="o_menu_brand" href="#">Discuss</a>
                        <div class="o_menu_systray"><span class="oe_topbar_name">%s</span></div>
                    </nav>
                </header>
                <div class="o_action_manager"></div>
                <script>
                (function () {
                  var INVOICES = 'account.action_move_out_invoice_type';
                  function action() {
                    if (location.pathname.indexOf('/odoo/action-') === 0) {
                      return location.pathname.substring('/odoo/action-'.length);
                    }
                    return new URLSearchParams(location.hash.substring(1)).get('action');
                  }
                  function cell(row, text) {
                    var td = document.createElement('td');
                    td.className = 'o_data_cell';
                    td.textContent = text;
                    row.appendChild(td);
                  }
                  function render() {
                    if (action() !== INVOICES) {
                      return;
                    }
                    fetch('/web/dataset/call_kw/account.move/search_read', {
                      method: 'POST', headers: {'Content-Type': 'application/json'},
                      body: JSON.stringify({jsonrpc: '2.0', method: 'call', id: 1, params: {
                        model: 'account.move', method: 'search_read', args: [],
                        kwargs: {domain: [['move_type', '=', 'out_invoice']], fields: ['name', 'state', 'amount_total'], limit: 80}}})
                    }).then(function (r) { return r.json(); }).then(function (answer) {
                      var manager = document.querySelector('.o_action_manager');
                      manager.innerHTML = '<div class="o_action o_view_controller o_list_view"><div class="o_control_panel">'
                        + '<span class="breadcrumb-item active">Invoices</span></div><div class="o_content">'
                        + '<div class="o_list_renderer"><table class="o_list_table table"><tbody></tbody></table></div></div></div>';
                      var body = manager.querySelector('tbody');
                      (answer.result || []).forEach(function (move) {
                        var row = document.createElement('tr');
                        row.className = 'o_data_row';
                        cell(row, move.name);
                        cell(row, move.state);
                        cell(row, String(move.amount_total));
                        body.appendChild(row);
                      });
                    });
                  }
                  window.addEventListener('hashchange', render);
                  render();
                })();
                </script>
            </body>
        </html>
        """.formatted(escape(userName));
  }

  /** The answer to a plain HTTP request on a JSON route (e.g. {@code GET /web/webclient/version_info}). */
  static String jsonRouteOverHttp(String path) {
    return "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n"
        + "<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;" + escape(path)
        + "&#39; is type=&#39;json&#39;.</p>\n";
  }

  /** Werkzeug's redirect page. */
  static String redirect(String location) {
    String target = escape(location);
    return "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
        + "<p>You should be redirected automatically to the target URL: <a href=\"" + target + "\">" + target
        + "</a>. If not, click the link.\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
        .replace("'", "&#39;");
  }
}
