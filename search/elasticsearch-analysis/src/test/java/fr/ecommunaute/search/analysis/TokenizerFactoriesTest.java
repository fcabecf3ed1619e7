package fr.ecommunaute.search.analysis;

import static fr.ecommunaute.search.analysis.Analysis.settings;
import static fr.ecommunaute.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenizerFactoriesTest {

    @Nested
    class NGram {
        @Test
        void defaultsAreOneAndTwoOverEveryCharacter() {
            var f = new NGramTokenizerFactory(settings(NGramTokenizerFactory.Settings.class));
            assertEquals(1, f.minGram());
            assertEquals(2, f.maxGram());
            assertEquals(List.of("a", "a ", " ", " b", "b"), tokens(f.create(), "a b"));
        }

        @Test
        void tokenCharsSplitOnOtherCharacters() {
            var f = new NGramTokenizerFactory(settings(NGramTokenizerFactory.Settings.class,
                Map.of("min_gram", 3, "max_gram", 3, "token_chars", List.of("letter", "digit"))));
            assertEquals(List.of("été", "a4b", "4b5"), tokens(f.create(), "été, a4b5!"));
        }

        @Test
        void customTokenChars() {
            var f = new NGramTokenizerFactory(settings(NGramTokenizerFactory.Settings.class,
                Map.of("min_gram", 2, "max_gram", 2, "token_chars", List.of("letter", "custom"),
                    "custom_token_chars", "+-")));
            assertEquals(List.of("c+", "++", "ab"), tokens(f.create(), "c++ ab"));
        }

        @Test
        void unicodeCategoryNames() {
            var f = new NGramTokenizerFactory(settings(NGramTokenizerFactory.Settings.class,
                Map.of("min_gram", 1, "max_gram", 1, "token_chars", List.of("uppercase_letter"))));
            assertEquals(List.of("A", "É"), tokens(f.create(), "Ab Éc"));
        }

        @Test
        void unknownOrIncompleteTokenCharsAreRefused() {
            var unknown = assertThrows(IllegalArgumentException.class, () -> new NGramTokenizerFactory(
                settings(NGramTokenizerFactory.Settings.class, Map.of("token_chars", List.of("vowels")))));
            assertTrue(unknown.getMessage().contains("Unknown token type: 'vowels'"), unknown.getMessage());
            var custom = assertThrows(IllegalArgumentException.class, () -> new NGramTokenizerFactory(
                settings(NGramTokenizerFactory.Settings.class, Map.of("token_chars", List.of("custom")))));
            assertTrue(custom.getMessage().contains("custom_token_chars"), custom.getMessage());
        }
    }

    @Nested
    class EdgeNGram {
        @Test
        void defaultsAreOneAndTwo() {
            var f = new EdgeNGramTokenizerFactory(settings(EdgeNGramTokenizerFactory.Settings.class));
            assertEquals(1, f.minGram());
            assertEquals(2, f.maxGram());
            assertEquals(List.of("É", "Éq"), tokens(f.create(), "Équipe des"));
        }

        @Test
        void tokenCharsGivePrefixesOfEachWord() {
            var f = new EdgeNGramTokenizerFactory(settings(EdgeNGramTokenizerFactory.Settings.class,
                Map.of("min_gram", 2, "max_gram", 5, "token_chars", List.of("letter", "digit"))));
            assertEquals(List.of("Éq", "Équ", "Équi", "Équip", "de", "des", "42"), tokens(f.create(), "L'Équipe des 42"));
        }

        @Test
        void whitespaceAndPunctuationAndSymbolClasses() {
            var f = new EdgeNGramTokenizerFactory(settings(EdgeNGramTokenizerFactory.Settings.class,
                Map.of("min_gram", 1, "max_gram", 2, "token_chars", List.of("punctuation", "symbol"))));
            assertEquals(List.of("-", "-€", "!"), tokens(f.create(), "a-€b !"));
        }
    }

    @Nested
    class Keyword {
        @Test
        void wholeInputIsOneToken() {
            var f = new KeywordTokenizerFactory(settings(KeywordTokenizerFactory.Settings.class));
            assertEquals(256, f.bufferSize());
            assertEquals(List.of("L'Équipe des économies"), tokens(f.create(), "L'Équipe des économies"));
        }

        @Test
        void bufferSizeIsReadAndLongInputStillWhole() {
            var f = new KeywordTokenizerFactory(settings(KeywordTokenizerFactory.Settings.class, Map.of("buffer_size", 4)));
            assertEquals(4, f.bufferSize());
            assertEquals(List.of("a much longer input"), tokens(f.create(), "a much longer input"));
        }

        @Test
        void nonPositiveBufferIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new KeywordTokenizerFactory(
                settings(KeywordTokenizerFactory.Settings.class, Map.of("buffer_size", 0))));
        }
    }

    @Nested
    class Whitespace {
        @Test
        void splitsOnWhitespaceOnly() {
            var f = new WhitespaceTokenizerFactory(settings(WhitespaceTokenizerFactory.Settings.class));
            assertEquals(255, f.maxTokenLength());
            assertEquals(List.of("L'Équipe", "des", "économies."), tokens(f.create(), "L'Équipe des\téconomies."));
        }

        @Test
        void maxTokenLengthSplitsLongRuns() {
            var f = new WhitespaceTokenizerFactory(settings(WhitespaceTokenizerFactory.Settings.class,
                Map.of("max_token_length", 3)));
            assertEquals(List.of("abc", "def", "gh"), tokens(f.create(), "abcdef gh"));
        }
    }
}
