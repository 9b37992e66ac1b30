/**
 * Hooks: Java code run every N steps inside LAMMPS runs through {@code fix external}, the step context they read,
 * and the factories and bindings that attach them to fixes of a script.
 */
package org.spr.fixes.hook;
