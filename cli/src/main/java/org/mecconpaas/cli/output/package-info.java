/**
 * How answers look to a person: aligned {@link org.mecconpaas.cli.output.Table}s for lists, {@link
 * org.mecconpaas.cli.output.Details} for one object, and a {@link
 * org.mecconpaas.cli.output.ProgressBar} for transfers. {@link org.mecconpaas.cli.output.Output}
 * decides between these and the master's raw JSON ({@code --json}), so scripts never have to parse
 * the human format, and the human format is free to change.
 */
package org.mecconpaas.cli.output;
