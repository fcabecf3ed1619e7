package fr.ecommunaute.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.LongSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Test helpers: settings the way Elasticsearch injects them, and token extraction. */
final class Analysis {

    private Analysis() {}

    /**
     * An implementation of an {@code @AnalysisSettings} interface backed by a map, following
     * Elasticsearch's SettingsInvocationHandler: values arrive as strings (or lists of strings),
     * absent keys give the annotation's default, absent lists are empty.
     */
    static <T> T settings(Class<T> type, Map<String, ?> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (self, method, args) -> read(method, values));
        return type.cast(proxy);
    }

    static <T> T settings(Class<T> type) {
        return settings(type, Map.of());
    }

    private static Object read(Method method, Map<String, ?> values) {
        Annotation[] annotations = method.getAnnotations();
        if (annotations.length != 1) {
            throw new IllegalStateException(method + " must carry exactly one setting annotation");
        }
        Annotation a = annotations[0];
        if (a instanceof IntSetting s) {
            return values.containsKey(s.path()) ? Integer.valueOf(String.valueOf(values.get(s.path()))) : s.defaultValue();
        } else if (a instanceof LongSetting s) {
            return values.containsKey(s.path()) ? Long.valueOf(String.valueOf(values.get(s.path()))) : s.defaultValue();
        } else if (a instanceof BooleanSetting s) {
            return values.containsKey(s.path()) ? Boolean.valueOf(String.valueOf(values.get(s.path()))) : s.defaultValue();
        } else if (a instanceof StringSetting s) {
            return values.containsKey(s.path()) ? String.valueOf(values.get(s.path())) : s.defaultValue();
        } else if (a instanceof ListSetting s) {
            Object v = values.get(s.path());
            if (v == null) {
                return List.of();
            }
            return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
        }
        throw new IllegalStateException("unknown setting annotation " + a);
    }

    /** Terms produced by a tokenizer on {@code text}. */
    static List<String> tokens(Tokenizer tokenizer, String text) {
        tokenizer.setReader(new StringReader(text));
        return terms(tokenizer);
    }

    /** Terms after whitespace tokenization and the given filter. */
    static List<String> whitespaceThen(String text, Function<TokenStream, TokenStream> filter) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(text));
        return terms(filter.apply(tokenizer));
    }

    /** Terms after standard tokenization (Elasticsearch's "standard" tokenizer) and the given chain. */
    static List<String> standardThen(String text, Function<TokenStream, TokenStream> chain) {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return terms(chain.apply(tokenizer));
    }

    static List<String> terms(TokenStream stream) {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
