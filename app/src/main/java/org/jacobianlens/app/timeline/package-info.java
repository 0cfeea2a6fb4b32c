/**
 * The timeline control: a slider over the recorded steps, a "Live" button and a step label, driving a
 * {@link org.jacobianlens.app.viewmodel.Timeline}.
 */
package org.jacobianlens.app.timeline;
