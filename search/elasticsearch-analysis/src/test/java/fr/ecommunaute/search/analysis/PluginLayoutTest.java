package fr.ecommunaute.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.junit.jupiter.api.Test;

/**
 * What Elasticsearch checks when it installs and loads the plugin, checked at build time:
 * the descriptor's keys, named_components.json against the annotated classes, and the
 * constructor shape that the stable API can instantiate.
 */
class PluginLayoutTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final String FILTER = TokenFilterFactory.class.getName();
    private static final String TOKENIZER = TokenizerFactory.class.getName();

    @Test
    void descriptorHasExactlyTheKeysElasticsearchAccepts() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(
                MODULE.resolve("target/plugin-descriptor/stable-plugin-descriptor.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertEquals(Set.of("name", "version", "description", "java.version", "elasticsearch.version"), p.stringPropertyNames());
        assertEquals("ecommunaute-analysis-fr", p.getProperty("name"));
        assertTrue(p.getProperty("elasticsearch.version").matches("\\d+\\.\\d+\\.\\d+"), p.getProperty("elasticsearch.version"));
        assertEquals("17", p.getProperty("java.version"));
    }

    @Test
    void namedComponentsListEveryAnnotatedFactoryUnderItsName() throws Exception {
        Map<String, Map<String, String>> listed = namedComponents();
        Map<String, Map<String, String>> annotated = annotatedFactories();
        assertEquals(annotated, listed);
    }

    @Test
    void providesEverythingModelsearchIndexSettingsUse() throws Exception {
        // modelsearch 1.3.2 (Wagtail's search back end), elasticsearch8 settings: filters
        // asciifolding/ngram/edge_ngram and tokenizers ngram/edge_ngram (lowercase/standard are built in).
        Map<String, Map<String, String>> listed = namedComponents();
        assertTrue(listed.get(FILTER).keySet().containsAll(List.of("asciifolding", "ngram", "edge_ngram")));
        assertTrue(listed.get(TOKENIZER).keySet().containsAll(List.of("ngram", "edge_ngram")));
        // Its exact parameters, including edge_ngram tokenizer's "side" which Elasticsearch ignores.
        var ngramTokenizer = new NGramTokenizerFactory(Analysis.settings(NGramTokenizerFactory.Settings.class,
            Map.of("type", "ngram", "min_gram", 3, "max_gram", 15)));
        assertEquals(15, ngramTokenizer.maxGram());
        var edgeTokenizer = new EdgeNGramTokenizerFactory(Analysis.settings(EdgeNGramTokenizerFactory.Settings.class,
            Map.of("type", "edge_ngram", "min_gram", 2, "max_gram", 15, "side", "front")));
        assertEquals(2, edgeTokenizer.minGram());
        var ngram = new NGramTokenFilterFactory(Analysis.settings(NGramTokenFilterFactory.Settings.class,
            Map.of("type", "ngram", "min_gram", 3, "max_gram", 15)));
        assertEquals(3, ngram.minGram());
        var edge = new EdgeNGramTokenFilterFactory(Analysis.settings(EdgeNGramTokenFilterFactory.Settings.class,
            Map.of("type", "edge_ngram", "min_gram", 1, "max_gram", 15)));
        assertEquals(15, edge.maxGram());
    }

    @Test
    void factoriesHaveTheConstructorShapeTheStableApiInstantiates() throws Exception {
        for (Map<String, String> components : annotatedFactories().values()) {
            for (String className : components.values()) {
                Class<?> type = Class.forName(className);
                Constructor<?>[] constructors = type.getConstructors();
                assertEquals(1, constructors.length, className + ": Elasticsearch wants exactly one public constructor");
                Constructor<?> c = constructors[0];
                if (c.getParameterCount() > 0) {
                    assertNotNull(c.getAnnotation(Inject.class), className + ": constructor with settings needs @Inject");
                }
                for (Class<?> parameter : c.getParameterTypes()) {
                    assertTrue(parameter.isInterface() && parameter.isAnnotationPresent(AnalysisSettings.class),
                        className + ": parameter " + parameter + " must be an @AnalysisSettings interface");
                    for (Method m : parameter.getDeclaredMethods()) {
                        assertEquals(1, m.getAnnotations().length, m + " needs exactly one setting annotation");
                        assertEquals(0, m.getParameterCount(), m + " must take no argument");
                    }
                }
            }
        }
    }

    /**
     * Elasticsearch instantiates every stable-plugin component with empty settings each time
     * it creates an index (to offer it under its bare name): one factory throwing there makes
     * every index creation fail, even indices that do not use it.
     */
    @Test
    void everyFactoryAcceptsEmptySettings() throws Exception {
        for (Map<String, String> components : annotatedFactories().values()) {
            for (String className : components.values()) {
                Constructor<?> c = Class.forName(className).getConstructors()[0];
                Object[] args = new Object[c.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = Analysis.settings(c.getParameterTypes()[i]);
                }
                Object factory = c.newInstance(args);
                if (factory instanceof TokenizerFactory t) {
                    assertNotNull(t.create());
                } else {
                    assertFalse(Analysis.whitespaceThen("L'Équipe", ((TokenFilterFactory) factory)::create).isEmpty(), className);
                }
            }
        }
    }

    /** named_components.json, parsed with a regex: it is a flat two-level map of strings. */
    private static Map<String, Map<String, String>> namedComponents() throws IOException {
        String json = Files.readString(MODULE.resolve("src/main/plugin/named_components.json"));
        Map<String, Map<String, String>> out = new TreeMap<>();
        Matcher section = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        while (section.find()) {
            Map<String, String> entries = new TreeMap<>();
            Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"").matcher(section.group(2));
            while (entry.find()) {
                assertFalse(entries.containsKey(entry.group(1)), "duplicate component " + entry.group(1));
                entries.put(entry.group(1), entry.group(2));
            }
            out.put(section.group(1), entries);
        }
        return out;
    }

    /** Every compiled class annotated @NamedComponent, grouped by the stable API interface it implements. */
    private static Map<String, Map<String, String>> annotatedFactories() throws Exception {
        Path classes = MODULE.resolve("target/classes");
        Map<String, Map<String, String>> out = new TreeMap<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(p -> classes.relativize(p).toString())
                .filter(n -> n.endsWith(".class") && !n.contains("$"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name);
            NamedComponent named = type.getAnnotation(NamedComponent.class);
            if (named == null) {
                continue;
            }
            String api = TokenFilterFactory.class.isAssignableFrom(type) ? FILTER
                : TokenizerFactory.class.isAssignableFrom(type) ? TOKENIZER
                : null;
            assertNotNull(api, name + " implements no known analysis interface");
            out.computeIfAbsent(api, k -> new TreeMap<>()).put(named.value(), name);
        }
        return out;
    }
}
