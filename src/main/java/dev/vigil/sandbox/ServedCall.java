package dev.vigil.sandbox;

/**
 * One request a sandbox server answered, as reported to {@link SandboxControl#observeCalls}.
 *
 * @param database the database the request was for, null when none (e.g. {@code /web/health})
 * @param path the request path, e.g. {@code /web/dataset/call_kw/account.move/create}
 * @param receivedAtNanos {@link System#nanoTime()} when the server got the request
 * @param serviceNanos the server's own time on it: from its arrival until its response was
 *     written, waiting for a worker included
 */
public record ServedCall(String database, String path, long receivedAtNanos, long serviceNanos) {}
