package fr.ecommunaute.search.analysis;

import java.util.List;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code edge_ngram} tokenizer: prefixes of the runs of {@code token_chars} characters
 * (search-as-you-type). Elasticsearch ignores {@code side} here, and so does this factory.
 */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        // Elasticsearch's defaults (1 and 2) are NGramTokenizer's: Lucene's edge defaults are 1 and 1.
        @IntSetting(path = "min_gram", defaultValue = NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();

        @StringSetting(path = "custom_token_chars", defaultValue = "")
        String customTokenChars();
    }

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChars;

    @Inject
    public EdgeNGramTokenizerFactory(Settings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        NGrams.check("edge_ngram", minGram, maxGram);
        this.tokenChars = TokenChars.parse(settings.tokenChars(), settings.customTokenChars());
    }

    int minGram() {
        return minGram;
    }

    int maxGram() {
        return maxGram;
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return tokenChars.test(chr);
            }
        };
    }
}
