/**
 * {@code mec experiment run}: a scenario file (services and their placement, mobile clients and
 * their movement, a request load, a duration) is checked, deployed through the REST API and run
 * against the emulated edge; every request, association change and migration is recorded to CSV
 * files, summarised (latency percentiles, failures during migrations, hand-over times) and charted
 * in a self-contained HTML page. The CLI adds no randomness: the master's mobility model and
 * placement decide, from the scenario's seed.
 */
package org.mecconpaas.cli.experiment;
