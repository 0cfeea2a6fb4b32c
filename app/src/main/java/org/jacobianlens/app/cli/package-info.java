/**
 * The command line on picocli: {@link org.jacobianlens.app.cli.Cli} builds the command tree ({@code run},
 * {@code sweep}, {@code bench}, {@code gui}, {@code help}); run options are one mixin shared by every command that
 * trains, defaults come from the core's defaults, and bad usage is one line and exit code 2
 * ({@link org.jacobianlens.app.cli.ExitCode}).
 */
package org.jacobianlens.app.cli;
