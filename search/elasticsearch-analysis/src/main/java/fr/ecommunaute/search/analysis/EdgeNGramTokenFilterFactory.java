package fr.ecommunaute.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** {@code edge_ngram} token filter: the prefixes of min_gram..max_gram characters of each token. */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();

        /** Deprecated in Elasticsearch but still accepted: "back" takes suffixes instead. */
        @StringSetting(path = "side", defaultValue = "front")
        String side();
    }

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final boolean back;

    @Inject
    public EdgeNGramTokenFilterFactory(Settings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.preserveOriginal = settings.preserveOriginal();
        this.back = switch (settings.side()) {
            case "front" -> false;
            case "back" -> true;
            default -> throw new IllegalArgumentException("invalid side: " + settings.side());
        };
        NGrams.check("edge_ngram", minGram, maxGram);
    }

    int minGram() {
        return minGram;
    }

    int maxGram() {
        return maxGram;
    }

    boolean preserveOriginal() {
        return preserveOriginal;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // Lucene dropped side=back; reversing before and after gives the same result (as analysis-common does).
        TokenStream result = back ? new ReverseStringFilter(tokenStream) : tokenStream;
        result = new EdgeNGramTokenFilter(result, minGram, maxGram, preserveOriginal);
        return back ? new ReverseStringFilter(result) : result;
    }
}
