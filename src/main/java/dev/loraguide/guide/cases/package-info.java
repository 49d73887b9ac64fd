/**
 * A guide's own tests, its {@code cases.yaml}: the file read with every mistake reported
 * at its line and column, and the cases run against a compiled revision by the validation
 * gate and the {@code check} command. Internal to the {@code guide} module.
 */
package dev.loraguide.guide.cases;
