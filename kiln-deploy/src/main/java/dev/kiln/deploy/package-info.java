/**
 * {@code kiln package}: a {@link dev.kiln.deploy.Packager} turns a model bundle into a {@link
 * dev.kiln.deploy.PackageTarget}: an OCI image, Kubernetes or KServe manifests, CI/CD workflows,
 * PaaS files or a runnable model jar.
 */
package dev.kiln.deploy;
