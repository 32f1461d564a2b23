package dev.vigil.api.auth;

/**
 * A token just created: the only moment its text exists outside its owner's hands.
 *
 * @param principal who the token is (its id, role and tenant)
 * @param token the bearer token, to show once and never store or log
 */
public record IssuedToken(Principal principal, String label, String token) {

  @Override
  public String toString() {
    return "IssuedToken[" + principal + ", " + label + ", token=****]";
  }
}
