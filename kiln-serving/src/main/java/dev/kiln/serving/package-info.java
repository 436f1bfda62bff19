/**
 * The model server: {@link dev.kiln.serving.ModelServer} serves model bundles from files or the
 * registry over HTTP (native JSON, KServe V2, MLflow {@code /invocations}), with micro-batching,
 * hot reload, canary and shadow traffic, Prometheus metrics and a prediction log. {@link
 * dev.kiln.serving.ServerConfig} holds its settings.
 */
package dev.kiln.serving;
