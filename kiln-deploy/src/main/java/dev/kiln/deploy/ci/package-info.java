/**
 * CI/CD workflow templates (GitHub Actions, GitLab CI, a Jenkinsfile) that test, package and
 * deploy a model, and the files PaaS platforms read.
 */
package dev.kiln.deploy.ci;
