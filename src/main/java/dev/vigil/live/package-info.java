/**
 * The live stream: WebSocket connections of dashboards and tools, what each may see, the bounded
 * per-connection queue that keeps a slow client from stalling anyone, and the bridge that brings
 * every replica's events (through Redis) to every connection.
 */
package dev.vigil.live;
