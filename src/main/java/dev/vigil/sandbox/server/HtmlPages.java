package dev.vigil.sandbox.server;

/** The non-JSON bodies of an Odoo server: its 404 page, werkzeug's 400 and 303 pages. */
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

  /** The login page a {@code REDIRECT_LOGIN} server sends session-less calls to (a bare form). */
  static String login() {
    return """
        <!DOCTYPE html>
        <html>
            <head><meta charset="utf-8"/><title>Login | Odoo</title></head>
            <body>
                <form class="oe_login_form" role="form" method="post" action="/web/login">
                    <input type="text" name="login" id="login" required="required"/>
                    <input type="password" name="password" id="password" required="required"/>
                    <button type="submit">Log in</button>
                </form>
            </body>
        </html>
        """;
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
