/**
 * Between the window and the engine: observable state the window binds to, training drivers that run the core on a
 * background thread and hand snapshots to the UI thread, and the mapping of that state to and from sessions.
 */
package org.jacobianlens.app.viewmodel;
