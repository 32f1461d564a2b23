package dev.vigil.odoo;

/** Picks the protocol for a target's API: the one place that looks at {@link dev.vigil.domain.OdooApi}. */
final class OdooProtocols {
  private OdooProtocols() {}

  static OdooProtocol forTarget(OdooTarget target, OdooHttp http, JsonRpcEnvelope envelope) {
    JsonRpcRoute route = new JsonRpcRoute(http, envelope);
    return switch (target.api()) {
      case SESSION -> new SessionRpc(route, target);
      case JSONRPC -> new StatelessRpc(route, target);
      case JSON2 -> new Json2Rpc(http, route, target);
    };
  }
}
