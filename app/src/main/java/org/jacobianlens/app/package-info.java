/**
 * The jar's entry point: {@link org.jacobianlens.app.Main} relaunches the JVM when the native settings or the
 * build's JVM flags are missing (NativeRelaunch) and hands the command line to {@link org.jacobianlens.app.cli.Cli}.
 */
package org.jacobianlens.app;
