/** The plain HTTP step, confined to the origins a tenant allows. */
package dev.vigil.engine.http;
