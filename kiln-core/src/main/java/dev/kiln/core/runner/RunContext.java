package dev.kiln.core.runner;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import java.nio.file.Path;

/**
 * What a runner needs besides the pipeline and catalog.
 *
 * @param info the run's identity, told to hooks
 * @param hook the hook to call (use {@link dev.kiln.core.hooks.Hooks} for several)
 * @param useCache whether unchanged nodes with persisted outputs may be skipped
 * @param stateDir where run state and the node cache live, normally {@code <project>/.kiln}
 */
public record RunContext(RunInfo info, Hook hook, boolean useCache, Path stateDir) {}
