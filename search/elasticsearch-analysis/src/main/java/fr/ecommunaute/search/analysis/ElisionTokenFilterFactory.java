package fr.ecommunaute.search.analysis;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code elision}: "l'équipe" becomes "équipe".
 *
 * <p>Like analysis-common, {@code articles} is required: Elasticsearch refuses an elision
 * filter without it, and accepting one here would let index settings pass the tests and
 * then fail in production. {@link #FRENCH_ARTICLES} is the list to copy into settings
 * (the same as Lucene's {@code FrenchAnalyzer.DEFAULT_ARTICLES}).
 */
@NamedComponent("elision")
public class ElisionTokenFilterFactory implements TokenFilterFactory {

    /** Lucene's FrenchAnalyzer.DEFAULT_ARTICLES. */
    public static final List<String> FRENCH_ARTICLES =
        List.of("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu");

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "articles")
        List<String> articles();

        /** Despite its name, {@code true} makes the article match ignore case (as in Elasticsearch). */
        @BooleanSetting(path = "articles_case", defaultValue = false)
        boolean articlesCase();

        /** A file next to the node's config: not readable through the stable API. */
        @StringSetting(path = "articles_path", defaultValue = "")
        String articlesPath();
    }

    private final CharArraySet articles;

    @Inject
    public ElisionTokenFilterFactory(Settings settings) {
        if (!settings.articlesPath().isEmpty()) {
            throw new IllegalArgumentException(
                "elision filter: [articles_path] is not supported by the ecommunaute-analysis-fr test plugin, list the [articles] inline");
        }
        if (settings.articles().isEmpty()) {
            throw new IllegalArgumentException("elision filter requires [articles] or [articles_path] setting");
        }
        this.articles = new CharArraySet(settings.articles(), settings.articlesCase());
    }

    CharArraySet articles() {
        return articles;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ElisionFilter(tokenStream, articles);
    }

    /** Also usable in normalizers, as in analysis-common. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
