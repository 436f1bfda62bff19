/**
 * How long work reports how far along it is: a node (or code it calls) starts a {@link
 * dev.kiln.core.progress.Progress} task and steps it; whoever runs the node (the CLI renders a bar
 * on a terminal, periodic lines otherwise) listens through a {@link
 * dev.kiln.core.progress.ProgressListener}. Outside a run, tasks cost an atomic add and report
 * nowhere.
 */
package dev.kiln.core.progress;
