/**
 * Writing without leaving anything half-done: single files through a temporary file and an atomic rename, and
 * output folders as one set (a temporary folder renamed into place, the replaced run kept as {@code DIR.previous},
 * a lock against a second writer), after checking up front that the place can be written.
 */
package org.jacobianlens.app.files;
