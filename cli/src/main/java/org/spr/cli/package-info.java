/**
 * The {@code spr} command line: one class per subcommand that parses its arguments, calls the modules below and
 * prints; {@link org.spr.cli.Main} maps failures to exit codes ({@link org.spr.cli.ExitCodes}).
 */
package org.spr.cli;
