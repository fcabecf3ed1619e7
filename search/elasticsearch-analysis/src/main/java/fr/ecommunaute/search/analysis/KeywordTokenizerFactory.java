package fr.ecommunaute.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** {@code keyword} tokenizer: the whole input as a single token. */
@NamedComponent("keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        /** Initial term buffer size (it grows as needed). */
        @IntSetting(path = "buffer_size", defaultValue = KeywordTokenizer.DEFAULT_BUFFER_SIZE)
        int bufferSize();
    }

    private final int bufferSize;

    @Inject
    public KeywordTokenizerFactory(Settings settings) {
        this.bufferSize = settings.bufferSize();
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("keyword tokenizer: [buffer_size] must be > 0, got [" + bufferSize + "]");
        }
    }

    int bufferSize() {
        return bufferSize;
    }

    @Override
    public Tokenizer create() {
        return new KeywordTokenizer(bufferSize);
    }
}
