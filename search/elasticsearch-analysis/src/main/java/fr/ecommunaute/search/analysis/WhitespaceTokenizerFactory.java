package fr.ecommunaute.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** {@code whitespace} tokenizer: splits on whitespace only. */
@NamedComponent("whitespace")
public class WhitespaceTokenizerFactory implements TokenizerFactory {

    /** StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH, Elasticsearch's default here. */
    static final int DEFAULT_MAX_TOKEN_LENGTH = 255;

    @AnalysisSettings
    public interface Settings {
        /** Longer runs are split into pieces of this length. */
        @IntSetting(path = "max_token_length", defaultValue = DEFAULT_MAX_TOKEN_LENGTH)
        int maxTokenLength();
    }

    private final int maxTokenLength;

    @Inject
    public WhitespaceTokenizerFactory(Settings settings) {
        this.maxTokenLength = settings.maxTokenLength();
        if (maxTokenLength <= 0) {
            throw new IllegalArgumentException("whitespace tokenizer: [max_token_length] must be > 0, got [" + maxTokenLength + "]");
        }
    }

    int maxTokenLength() {
        return maxTokenLength;
    }

    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
    }
}
