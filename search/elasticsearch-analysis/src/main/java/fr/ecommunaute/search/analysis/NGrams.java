package fr.ecommunaute.search.analysis;

/** Shared validation of min_gram / max_gram, with a message naming the offending component. */
final class NGrams {

    private NGrams() {}

    /** Lucene would throw too, but only when the first document is analysed: check at index creation. */
    static void check(String component, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException(component + ": [min_gram] must be at least 1, got [" + minGram + "]");
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException(
                component + ": [max_gram] (" + maxGram + ") must be greater than or equal to [min_gram] (" + minGram + ")");
        }
    }
}
