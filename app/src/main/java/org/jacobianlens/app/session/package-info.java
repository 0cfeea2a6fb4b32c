/**
 * Saved work and the program's memory between launches: sessions as versioned JSON that open completely or are
 * refused with one sentence ({@link org.jacobianlens.app.session.SessionStore}), and the recent sessions and last
 * settings in the configuration folder ({@link org.jacobianlens.app.session.RecentStore}).
 */
package org.jacobianlens.app.session;
