/**
 * The JavaFX window: composition ({@link org.jacobianlens.app.ui.LensApp}, MainWindow), controls, menus and the
 * sweep window. It renders snapshots handed over by the view model and never computes or touches ND4J.
 */
package org.jacobianlens.app.ui;
