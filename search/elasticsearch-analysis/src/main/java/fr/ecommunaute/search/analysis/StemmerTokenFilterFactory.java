package fr.ecommunaute.search.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * {@code stemmer}: the French and English subset of analysis-common's stemmer filter, with
 * the same language names (and camelCase aliases). {@code name} is an alias of
 * {@code language}; the default is {@code porter}, as in Elasticsearch.
 */
@NamedComponent("stemmer")
public class StemmerTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "")
        String language();

        @StringSetting(path = "name", defaultValue = "")
        String name();
    }

    /** Keys are lower case; lookups are case-insensitive like Elasticsearch's equalsIgnoreCase chain. */
    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
        Map.entry("french", ts -> new SnowballFilter(ts, new FrenchStemmer())),
        Map.entry("light_french", FrenchLightStemFilter::new),
        Map.entry("lightfrench", FrenchLightStemFilter::new),
        Map.entry("minimal_french", FrenchMinimalStemFilter::new),
        Map.entry("minimalfrench", FrenchMinimalStemFilter::new),
        Map.entry("english", PorterStemFilter::new),
        Map.entry("porter", PorterStemFilter::new),
        Map.entry("porter2", ts -> new SnowballFilter(ts, new EnglishStemmer())),
        Map.entry("light_english", KStemFilter::new),
        Map.entry("lightenglish", KStemFilter::new),
        Map.entry("kstem", KStemFilter::new),
        Map.entry("minimal_english", EnglishMinimalStemFilter::new),
        Map.entry("minimalenglish", EnglishMinimalStemFilter::new),
        Map.entry("possessive_english", EnglishPossessiveFilter::new),
        Map.entry("possessiveenglish", EnglishPossessiveFilter::new));

    private final String language;
    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerTokenFilterFactory(Settings settings) {
        String lang = !settings.language().isEmpty() ? settings.language()
            : !settings.name().isEmpty() ? settings.name()
            : "porter";
        this.language = lang;
        // Fail when the index is created, not at the first analysed document.
        this.stemmer = STEMMERS.get(lang.toLowerCase(Locale.ROOT));
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer filter: language [" + lang
                + "] is not provided by the ecommunaute-analysis-fr test plugin; supported: " + STEMMERS.keySet());
        }
    }

    String language() {
        return language;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
