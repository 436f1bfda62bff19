/**
 * The built-in node types of kiln-ml, declared in {@code conf/base/pipelines.yml}: split, train,
 * evaluate, bundle and predict. Values they pass on are typed ({@link dev.kiln.ml.TrainedModel},
 * {@link dev.kiln.core.pipeline.Metrics}, {@link dev.kiln.ml.bundle.BundleSpec}).
 */
package dev.kiln.ml.nodes;
