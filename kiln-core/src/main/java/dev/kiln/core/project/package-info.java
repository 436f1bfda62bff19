/**
 * A Kiln project folder and how {@code kiln run} runs it: {@link dev.kiln.core.project.Project}
 * opens {@code conf/}, compiles {@code src/main/java} and finds the project's {@link
 * dev.kiln.core.project.PipelineRegistry}; {@link dev.kiln.core.project.ProjectRunner} applies a
 * {@link dev.kiln.core.project.RunRequest}'s filters, checks parameters and runs the pipeline.
 */
package dev.kiln.core.project;
