/**
 * Kubernetes manifests for a served model: a Kustomize base with a canary overlay, and a KServe
 * InferenceService.
 */
package dev.kiln.deploy.k8s;
