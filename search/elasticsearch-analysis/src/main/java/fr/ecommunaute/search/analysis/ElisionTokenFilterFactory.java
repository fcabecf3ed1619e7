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
 * <p>Without {@code articles}, the French ones ({@link #FRENCH_ARTICLES}, Lucene's
 * {@code FrenchAnalyzer.DEFAULT_ARTICLES}) are used. Elasticsearch's own elision filter
 * refuses to be defined without {@code articles}, but it cannot fail here: Elasticsearch
 * instantiates every stable-plugin component with empty settings at each index creation
 * (to offer it under its bare name), so a factory that throws on empty settings would
 * break every index. Index settings should always list the articles, to stay valid on a
 * full Elasticsearch.
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
        List<String> listed = settings.articles().isEmpty() ? FRENCH_ARTICLES : settings.articles();
        this.articles = new CharArraySet(listed, settings.articlesCase());
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
