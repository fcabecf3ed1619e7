package fr.ecommunaute.search.analysis;

import static fr.ecommunaute.search.analysis.Analysis.settings;
import static fr.ecommunaute.search.analysis.Analysis.whitespaceThen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenFilterFactoriesTest {

    @Nested
    class AsciiFolding {
        @Test
        void foldsAccentsByDefault() {
            var f = new AsciiFoldingTokenFilterFactory(settings(AsciiFoldingTokenFilterFactory.Settings.class));
            assertFalse(f.preserveOriginal());
            assertEquals(List.of("Equipe", "economies", "garcon"), whitespaceThen("Équipe économies garçon", f::create));
        }

        @Test
        void preserveOriginalKeepsBothForms() {
            var f = new AsciiFoldingTokenFilterFactory(
                settings(AsciiFoldingTokenFilterFactory.Settings.class, Map.of("preserve_original", "true")));
            assertTrue(f.preserveOriginal());
            assertEquals(List.of("economie", "économie"), whitespaceThen("économie", f::create));
        }

        @Test
        void normalizeNeverPreservesOriginal() {
            var f = new AsciiFoldingTokenFilterFactory(
                settings(AsciiFoldingTokenFilterFactory.Settings.class, Map.of("preserve_original", "true")));
            assertEquals(List.of("economie"), whitespaceThen("économie", f::normalize));
        }
    }

    @Nested
    class Elision {
        @Test
        void removesListedArticles() {
            var f = new ElisionTokenFilterFactory(settings(ElisionTokenFilterFactory.Settings.class,
                Map.of("articles", ElisionTokenFilterFactory.FRENCH_ARTICLES)));
            assertEquals(List.of("avion", "équipe", "arrivée", "il", "même"),
                whitespaceThen("l'avion d'équipe jusqu'arrivée qu'il même", f::create));
        }

        @Test
        void articlesAreCaseSensitiveUnlessArticlesCase() {
            var sensitive = new ElisionTokenFilterFactory(settings(ElisionTokenFilterFactory.Settings.class,
                Map.of("articles", List.of("l"))));
            assertEquals(List.of("L'Équipe"), whitespaceThen("L'Équipe", sensitive::create));

            var ignoreCase = new ElisionTokenFilterFactory(settings(ElisionTokenFilterFactory.Settings.class,
                Map.of("articles", List.of("l"), "articles_case", "true")));
            assertEquals(List.of("Équipe"), whitespaceThen("L'Équipe", ignoreCase::create));
            assertEquals(List.of("Équipe"), whitespaceThen("L'Équipe", ignoreCase::normalize));
        }

        @Test
        void defaultsToFrenchArticlesBecauseElasticsearchBuildsEveryComponentWithEmptySettings() {
            var f = new ElisionTokenFilterFactory(settings(ElisionTokenFilterFactory.Settings.class));
            assertEquals(List.of("avion", "L'Équipe", "il"), whitespaceThen("l'avion L'Équipe qu'il", f::create));
        }

        @Test
        void articlesPathIsRefusedClearly() {
            var e = assertThrows(IllegalArgumentException.class,
                () -> new ElisionTokenFilterFactory(settings(ElisionTokenFilterFactory.Settings.class,
                    Map.of("articles_path", "analysis/articles.txt"))));
            assertTrue(e.getMessage().contains("articles_path"), e.getMessage());
        }

        @Test
        void frenchArticlesMatchLucene() {
            assertEquals(org.apache.lucene.analysis.fr.FrenchAnalyzer.DEFAULT_ARTICLES.size(),
                ElisionTokenFilterFactory.FRENCH_ARTICLES.size());
            for (String article : ElisionTokenFilterFactory.FRENCH_ARTICLES) {
                assertTrue(org.apache.lucene.analysis.fr.FrenchAnalyzer.DEFAULT_ARTICLES.contains(article), article);
            }
        }
    }

    @Nested
    class Stemmer {
        private StemmerTokenFilterFactory stemmer(Map<String, ?> values) {
            return new StemmerTokenFilterFactory(settings(StemmerTokenFilterFactory.Settings.class, values));
        }

        @Test
        void lightFrench() {
            var f = stemmer(Map.of("language", "light_french"));
            assertEquals("light_french", f.language());
            assertEquals(List.of("econom", "equip", "chanson"), whitespaceThen("economies equipes chansons", f::create));
        }

        @Test
        void minimalFrench() {
            var f = stemmer(Map.of("language", "minimal_french"));
            assertEquals(List.of("cheval", "equip", "chanson"), whitespaceThen("chevaux equipes chansons", f::create));
        }

        @Test
        void snowballFrench() {
            var f = stemmer(Map.of("language", "french"));
            assertEquals(List.of("continuel", "économ"), whitespaceThen("continuellement économies", f::create));
        }

        @Test
        void camelCaseAliasAndNameParameter() {
            assertEquals(List.of("econom"), whitespaceThen("economies", stemmer(Map.of("language", "lightFrench"))::create));
            var byName = stemmer(Map.of("name", "light_french"));
            assertEquals("light_french", byName.language());
            assertEquals(List.of("econom"), whitespaceThen("economies", byName::create));
        }

        @Test
        void englishStemmers() {
            assertEquals(List.of("run", "poni"), whitespaceThen("running ponies", stemmer(Map.of("language", "english"))::create));
            assertEquals(List.of("run"), whitespaceThen("running", stemmer(Map.of())::create)); // default: porter
            assertEquals(List.of("pony"), whitespaceThen("ponies", stemmer(Map.of("language", "light_english"))::create));
            assertEquals(List.of("pony"), whitespaceThen("ponies", stemmer(Map.of("language", "minimal_english"))::create));
            assertEquals(List.of("John"), whitespaceThen("John's", stemmer(Map.of("language", "possessive_english"))::create));
        }

        @Test
        void unknownLanguageFailsAtCreation() {
            var e = assertThrows(IllegalArgumentException.class, () -> stemmer(Map.of("language", "klingon")));
            assertTrue(e.getMessage().contains("klingon"), e.getMessage());
        }
    }

    @Nested
    class NGram {
        @Test
        void defaultsAreOneAndTwo() {
            var f = new NGramTokenFilterFactory(settings(NGramTokenFilterFactory.Settings.class));
            assertEquals(1, f.minGram());
            assertEquals(2, f.maxGram());
            assertFalse(f.preserveOriginal());
            assertEquals(List.of("a", "ab", "b", "bc", "c"), whitespaceThen("abc", f::create));
        }

        @Test
        void readsMinMaxAndPreserveOriginal() {
            var f = new NGramTokenFilterFactory(settings(NGramTokenFilterFactory.Settings.class,
                Map.of("min_gram", 3, "max_gram", 4, "preserve_original", "true")));
            assertEquals(List.of("equ", "equi", "qui", "quip", "uip", "uipe", "ipe", "equipe"),
                whitespaceThen("equipe", f::create));
        }

        @Test
        void maxBelowMinIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new NGramTokenFilterFactory(
                settings(NGramTokenFilterFactory.Settings.class, Map.of("min_gram", 3, "max_gram", 2))));
        }
    }

    @Nested
    class EdgeNGram {
        @Test
        void defaultsAreOneAndTwo() {
            var f = new EdgeNGramTokenFilterFactory(settings(EdgeNGramTokenFilterFactory.Settings.class));
            assertEquals(1, f.minGram());
            assertEquals(2, f.maxGram());
            assertEquals(List.of("e", "eq"), whitespaceThen("equipe", f::create));
        }

        @Test
        void readsMinMaxAndPreserveOriginal() {
            var f = new EdgeNGramTokenFilterFactory(settings(EdgeNGramTokenFilterFactory.Settings.class,
                Map.of("min_gram", 2, "max_gram", 4, "preserve_original", "true")));
            assertTrue(f.preserveOriginal());
            assertEquals(List.of("eq", "equ", "equi", "equipe"), whitespaceThen("equipe", f::create));
        }

        @Test
        void sideBackTakesSuffixes() {
            var f = new EdgeNGramTokenFilterFactory(settings(EdgeNGramTokenFilterFactory.Settings.class,
                Map.of("min_gram", 1, "max_gram", 3, "side", "back")));
            assertEquals(List.of("e", "pe", "ipe"), whitespaceThen("equipe", f::create));
        }

        @Test
        void invalidSideIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new EdgeNGramTokenFilterFactory(
                settings(EdgeNGramTokenFilterFactory.Settings.class, Map.of("side", "middle"))));
        }
    }
}
