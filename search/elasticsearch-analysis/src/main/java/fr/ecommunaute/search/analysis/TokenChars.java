package fr.ecommunaute.search.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The {@code token_chars} parameter of the ngram tokenizers: which character classes belong
 * inside a token (everything else splits). Same class names as analysis-common's CharMatcher:
 * letter, digit, whitespace, punctuation, symbol, custom (+ {@code custom_token_chars}), and the
 * java.lang.Character general categories in lower case (e.g. {@code uppercase_letter}).
 */
final class TokenChars {

    private static final Map<String, IntPredicate> CLASSES = buildClasses();

    private TokenChars() {}

    /** Returns null when every character is a token character (no {@code token_chars} given). */
    static IntPredicate parse(List<String> classes, String customTokenChars) {
        if (classes == null || classes.isEmpty()) {
            return null;
        }
        List<IntPredicate> matchers = new ArrayList<>();
        for (String raw : classes) {
            String name = raw.toLowerCase(Locale.ROOT).trim();
            IntPredicate matcher = CLASSES.get(name);
            if (matcher == null && name.equals("custom")) {
                matcher = custom(customTokenChars);
            }
            if (matcher == null) {
                Set<String> known = new TreeSet<>(CLASSES.keySet());
                known.add("custom");
                throw new IllegalArgumentException("Unknown token type: '" + name + "', must be one of " + known);
            }
            matchers.add(matcher);
        }
        return matchers.stream().reduce(IntPredicate::or).orElseThrow();
    }

    private static IntPredicate custom(String customTokenChars) {
        if (customTokenChars == null || customTokenChars.isEmpty()) {
            throw new IllegalArgumentException("Token type: 'custom' requires setting `custom_token_chars`");
        }
        Set<Integer> chars = customTokenChars.codePoints().boxed().collect(Collectors.toSet());
        return chars::contains;
    }

    private static Map<String, IntPredicate> buildClasses() {
        Map<String, IntPredicate> classes = new HashMap<>();
        classes.put("letter", Character::isLetter);
        classes.put("digit", Character::isDigit);
        classes.put("whitespace", Character::isWhitespace);
        classes.put("punctuation", c -> switch (Character.getType(c)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        });
        classes.put("symbol", c -> switch (Character.getType(c)) {
            case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                Character.MODIFIER_SYMBOL -> true;
            default -> false;
        });
        // Unicode general categories, named after java.lang.Character's byte constants (as Elasticsearch does).
        for (Field field : Character.class.getFields()) {
            if (!field.getName().startsWith("DIRECTIONALITY")
                && Modifier.isStatic(field.getModifiers())
                && field.getType() == byte.class) {
                try {
                    byte category = field.getByte(null);
                    classes.put(field.getName().toLowerCase(Locale.ROOT), c -> Character.getType(c) == category);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Map.copyOf(classes);
    }
}
