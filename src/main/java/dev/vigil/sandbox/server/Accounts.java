package dev.vigil.sandbox.server;

import dev.vigil.sandbox.models.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The users who may log in, the same in every database of a server: {@code admin} (uid 2,
 * administrator) and {@code demo} (uid 6). A user's password is also accepted as a JSON-2 API
 * key. Immutable; passwords are compared in constant time and never leave this class.
 */
public final class Accounts {
  public static final User ADMIN = new User(2, "admin", "Mitchell Admin", 3, true);
  public static final User DEMO = new User(6, "demo", "Marc Demo", 7, false);

  private record Account(User user, byte[] password) {}

  private final List<Account> accounts;

  public Accounts(String adminPassword, String demoPassword) {
    this.accounts = List.of(
        new Account(ADMIN, adminPassword.getBytes(StandardCharsets.UTF_8)),
        new Account(DEMO, demoPassword.getBytes(StandardCharsets.UTF_8)));
  }

  /** The user with this login and password. */
  public Optional<User> authenticate(String login, String password) {
    return accounts.stream()
        .filter(account -> account.user().login().equals(login) && matches(account, password))
        .map(Account::user)
        .findFirst();
  }

  /** The user with this uid and password ({@code execute_kw} checks both on every call). */
  public Optional<User> check(long uid, String password) {
    return accounts.stream()
        .filter(account -> account.user().uid() == uid && matches(account, password))
        .map(Account::user)
        .findFirst();
  }

  /** The user owning this API key (a user's password serves as its key). */
  public Optional<User> byApiKey(String key) {
    return accounts.stream().filter(account -> matches(account, key)).map(Account::user).findFirst();
  }

  private static boolean matches(Account account, String password) {
    return password != null
        && MessageDigest.isEqual(account.password(), password.getBytes(StandardCharsets.UTF_8));
  }
}
