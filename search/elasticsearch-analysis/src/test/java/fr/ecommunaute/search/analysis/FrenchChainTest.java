package fr.ecommunaute.search.analysis;

import static fr.ecommunaute.search.analysis.Analysis.settings;
import static fr.ecommunaute.search.analysis.Analysis.standardThen;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * The custom French analyzer the project defines in its index settings:
 * standard tokenizer, elision, lowercase, asciifolding, stop _french_, stemmer light_french
 * (lowercase and stop are built into Elasticsearch; Lucene's equivalents stand in for them here).
 */
class FrenchChainTest {

    private final ElisionTokenFilterFactory elision = new ElisionTokenFilterFactory(settings(
        ElisionTokenFilterFactory.Settings.class,
        Map.of("articles", ElisionTokenFilterFactory.FRENCH_ARTICLES, "articles_case", "true")));
    private final AsciiFoldingTokenFilterFactory asciifolding =
        new AsciiFoldingTokenFilterFactory(settings(AsciiFoldingTokenFilterFactory.Settings.class));
    private final StemmerTokenFilterFactory stemmer = new StemmerTokenFilterFactory(settings(
        StemmerTokenFilterFactory.Settings.class, Map.of("language", "light_french")));

    private TokenStream french(TokenStream tokens) {
        TokenStream ts = elision.create(tokens);
        ts = new LowerCaseFilter(ts);
        ts = asciifolding.create(ts);
        ts = new StopFilter(ts, FrenchAnalyzer.getDefaultStopSet());
        return stemmer.create(ts);
    }

    @Test
    void equipeDesEconomies() {
        assertEquals(List.of("equip", "econom"), standardThen("L'Équipe des économies", this::french));
    }

    @Test
    void queryAndDocumentMeetOnTheSameStem() {
        List<String> document = standardThen("Les équipes apprenantes", this::french);
        List<String> query = standardThen("equipe", this::french);
        assertEquals(List.of("equip", "aprenant"), document);
        assertEquals(List.of("equip"), query);
    }
}
