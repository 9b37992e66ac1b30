/** The {@code spr} command line: one class per subcommand, exit codes, error reporting. */
package org.spr.cli;
