package dev.vigil.sandbox.server;

import dev.vigil.sandbox.models.Database;
import dev.vigil.sandbox.models.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTML routes a browser journey uses: {@code GET /web/login} (the form; {@code ?db=} picks the
 * database), {@code POST /web/login} (a good password redirects to the web client with a new
 * session cookie; a wrong one shows the form again with Odoo's "Wrong login/password" alert), and
 * the web client ({@code /web} on 16 and 17, {@code /odoo} from 18 on, where {@code /web}
 * redirects there), which sends visitors without a session to the login page.
 */
final class WebPages {
  static final String WRONG_PASSWORD = "Wrong login/password";

  private final OdooServer server;

  WebPages(OdooServer server) {
    this.server = server;
  }

  /** The web client's path after login: {@code /web} before 18, {@code /odoo} from 18 on. */
  String home() {
    return server.dialect().major() >= 18 ? "/odoo" : "/web";
  }

  HttpReply loginForm(String db, String redirect) {
    return HttpReply.html(200, HtmlPages.login(chosenDatabase(db).orElse(null), null, redirect));
  }

  /** The database a login form is for (its worker and database capacity), or null. */
  String database(String db) {
    return chosenDatabase(db).orElse(null);
  }

  /** The database a login is for: the one named, else the only one. */
  private Optional<String> chosenDatabase(String db) {
    if (db != null && !db.isEmpty()) {
      return server.database(db).map(Database::name);
    }
    return server.databaseNames().size() == 1 ? Optional.of(server.databaseNames().get(0)) : Optional.empty();
  }

  /** The form posted: a redirect into the web client with a session, or the form with an alert. */
  HttpReply login(String db, String login, String password, String redirect, Session previous) {
    Optional<String> chosen = chosenDatabase(db);
    Optional<User> user = chosen.isEmpty() ? Optional.empty() : server.accounts().authenticate(login, password);
    if (user.isEmpty()) {
      return HttpReply.html(200, HtmlPages.login(chosen.orElse(null), WRONG_PASSWORD, redirect));
    }
    server.counters().countAuthentication(chosen.get());
    Session session = server.sessions().login(previous == null ? null : previous.id(), chosen.get(), user.get());
    String target = redirect != null && redirect.startsWith("/") && !redirect.startsWith("//") ? redirect : home();
    return HttpReply.html(303, HtmlPages.redirect(target))
        .withHeader("Location", target)
        .withHeader("Set-Cookie", server.sessions().cookie(session));
  }

  /** The web client at {@code path}, or a redirect to the login page (or to 18's {@code /odoo}). */
  HttpReply webClient(String path, Session session) {
    if (path.startsWith("/web") && home().equals("/odoo")) {
      return redirect("/odoo");
    }
    if (session == null) {
      return redirect("/web/login?redirect=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
    return HttpReply.html(200, HtmlPages.webClient(session.user().name()));
  }

  private static HttpReply redirect(String location) {
    return HttpReply.html(303, HtmlPages.redirect(location)).withHeader("Location", location);
  }
}
