/**
 * Thin Elasticsearch stable-API factories over Lucene analysis classes, registered under
 * the names and with the parameters of Elasticsearch's {@code analysis-common} module, so
 * that index settings written for a full Elasticsearch also work on the bare test
 * distribution. Each factory mirrors the corresponding {@code analysis-common} factory.
 *
 * <p>Limitation of the stable API: a factory only sees its own settings, not the index
 * settings, so {@code index.max_ngram_diff} cannot be enforced here as Elasticsearch does.
 */
package fr.ecommunaute.search.analysis;
