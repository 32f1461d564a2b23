package dev.vigil.api;

/**
 * A request the API answers with a problem instead of a result: thrown (or failed with) by
 * resources, turned into {@code application/problem+json} by {@link Answer}. Its message is the
 * problem's detail, shown to the caller: it must hold no secret and reveal no tenant the caller may
 * not see.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String title;

  private ApiException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail);
  }

  /** The same answer whether the thing does not exist or the caller may not see it. */
  static ApiException notFound(String what, String id) {
    return new ApiException(404, "Not found", "no " + what + " '" + id + "'");
  }

  static ApiException unavailable(String what) {
    return new ApiException(503, "Service unavailable", what + " is not available right now; try again shortly");
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
