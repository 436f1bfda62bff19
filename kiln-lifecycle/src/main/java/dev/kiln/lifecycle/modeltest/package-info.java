/**
 * Model tests, the deployment step that checks a model's behaviour before it may serve:
 * golden examples, minimum metrics on slices, directional and invariance checks, declared in
 * {@code model_tests.yml} ({@link dev.kiln.lifecycle.modeltest.ModelTestSuite}), run by {@link
 * dev.kiln.lifecycle.modeltest.ModelTestRunner} and tied to a project by {@link
 * dev.kiln.lifecycle.modeltest.ProjectModelTests}.
 */
package dev.kiln.lifecycle.modeltest;
