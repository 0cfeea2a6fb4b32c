/**
 * Developer tool: pictures of the 2-D decision panel and the timeline (composed from the panels as the window shows
 * them), for {@code screenshots/}. Kept apart from the window's screenshot tour until the lead wires the panels in.
 */
package org.jacobianlens.app.panelshots;
