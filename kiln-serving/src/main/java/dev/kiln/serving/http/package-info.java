/**
 * The HTTP routes of the model server, declared in one place for the server and its OpenAPI
 * description.
 */
package dev.kiln.serving.http;
