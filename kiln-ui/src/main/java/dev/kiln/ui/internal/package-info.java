/**
 * The UI's implementation: JSON endpoints over the project, tracking store, registry and
 * monitoring reports, the static assets, and the drift histogram renderer. Not API.
 */
package dev.kiln.ui.internal;
