package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Values;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one RPC call {@code model.method(...)} on a database as one transaction: refuses private
 * methods ({@code AccessError}) and unknown ones ({@code AttributeError}), binds the arguments,
 * and restores the database when the call fails. The caller has checked that the model exists
 * (each protocol answers an unknown model its own way).
 */
public final class ModelCalls {
  private ModelCalls() {}

  /**
   * A call as {@code /web/dataset/call_kw} and {@code execute_kw} pass it: positional
   * {@code args} (the ids first for methods on records) and {@code kwargs} with an optional
   * {@code context}.
   *
   * @return the JSON result, or null for {@code None}
   */
  public static Object callKw(Env env, String model, String method, JsonArray args, JsonObject kwargs) {
    MethodSpec spec = resolve(env, model, method);
    List<Object> positional = new ArrayList<>();
    for (int i = 0; args != null && i < args.size(); i++) {
      positional.add(args.getValue(i));
    }
    List<Long> ids = List.of();
    if (spec.onRecords()) {
      if (positional.isEmpty()) {
        throw OdooErrors.typeError(spec.owner() + "." + method + "() missing 1 required positional argument: 'self'");
      }
      ids = Values.idList(positional.remove(0));
    }
    JsonObject keywords = kwargs == null ? new JsonObject() : kwargs.copy();
    Object context = keywords.remove("context");
    Env callEnv = env.withContext(context instanceof JsonObject object ? object : new JsonObject());
    return invoke(callEnv, model, spec, ids, Arguments.bind(spec, positional, keywords));
  }

  /**
   * A call as {@code /json/2} passes it: one JSON object with {@code ids}, {@code context} and the
   * method's parameters by name.
   */
  public static Object callNamed(Env env, String model, String method, JsonObject body) {
    MethodSpec spec = resolve(env, model, method);
    JsonObject keywords = body.copy();
    Object ids = keywords.remove("ids");
    Object context = keywords.remove("context");
    Env callEnv = env.withContext(context instanceof JsonObject object ? object : new JsonObject());
    List<Long> recordIds = spec.onRecords() ? Values.idList(ids) : List.of();
    return invoke(callEnv, model, spec, recordIds, Arguments.bind(spec, List.of(), keywords));
  }

  private static MethodSpec resolve(Env env, String model, String method) {
    if (method.startsWith("_")) {
      throw OdooErrors.accessError("Private methods (such as " + method + ") cannot be called remotely.");
    }
    return env.db().registry().method(model, method).orElseThrow(() -> OdooErrors.noSuchMethod(model, method));
  }

  private static Object invoke(Env env, String model, MethodSpec spec, List<Long> ids, Arguments arguments) {
    Runnable rollback = env.store().snapshot();
    try {
      return spec.body().call(env.model(model), ids, arguments);
    } catch (RuntimeException e) {
      rollback.run();
      throw e;
    }
  }
}
