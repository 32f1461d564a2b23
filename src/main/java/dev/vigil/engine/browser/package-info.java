/**
 * Browser steps: the {@link dev.vigil.engine.browser.BrowserHost} (dedicated threads, each with
 * its own Playwright and Chromium, a bounded number of isolated contexts leased one per run) and
 * one executor per browser step kind. Playwright blocks and is bound to the thread that created
 * it, so it never runs on an event loop or a virtual thread; results come back as Vert.x futures
 * on the run's event loop.
 */
package dev.vigil.engine.browser;
