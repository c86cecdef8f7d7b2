package dev.yardstick.benchmark;

import dev.yardstick.provider.TokenCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds text of an exact number of tokens for one model's tokenizer, cheaply enough to run for every request.
 *
 * <p>Once, up front, it keeps the common words that are one token each for this tokenizer (alone, after a space,
 * and twice in a row) and checks on sample texts that a run of n of them is n tokens. When that holds (OpenAI's
 * BPEs, word-level counters) a prompt of n tokens is n random words, with no counting per request. When it does not
 * (a small vocabulary that splits words, a length-based estimate) each prompt is counted and fitted: words are added
 * until it reaches n tokens, then the word count is bisected to the closest fit.
 */
public final class PromptBuilder {

    private static final List<String> COMMON = List.of(("the of and to in is was he for it with as his on be at by"
            + " had not are but from or have an they which one you were her all she there would their we him been has"
            + " when who will more no if out so said what up its about into than them can only other new some could"
            + " time these two may then do first any my now such like our over man me even most made after also did"
            + " many before must through back years where much your way well down should because each just those"
            + " people how too little state good very make world still own see men work long get here between both"
            + " life being under never day same another know while last might us great old year off come since"
            + " against go came right used take three home small found part place ask end sun tree cat dog bird sky"
            + " blue red park ball friend happy big ran saw went played garden").split(" "));
    /** Fewer usable words than this and the texts would repeat too much: use them all and count instead. */
    private static final int MIN_VOCABULARY = 32;
    private static final int[] CALIBRATION_LENGTHS = {1, 2, 3, 7, 31, 128, 513};
    private static final int MAX_FIT_ROUNDS = 64;

    private final TokenCounter counter;
    private final String[] words;
    private final boolean additive;

    public PromptBuilder(TokenCounter counter) {
        this.counter = counter;
        List<String> single = new ArrayList<>();
        for (String w : COMMON) {
            if (counter.count(w) == 1 && counter.count(" " + w) == 1 && counter.count(w + " " + w) == 2) {
                single.add(w);
            }
        }
        this.words = (single.size() >= MIN_VOCABULARY ? single : COMMON).toArray(String[]::new);
        this.additive = single.size() >= MIN_VOCABULARY && calibrate();
    }

    /** True when n of the words always made n tokens on the sample texts. */
    private boolean calibrate() {
        SplittableRandom random = new SplittableRandom(0x5EED);
        for (int n : CALIBRATION_LENGTHS) {
            for (int trial = 0; trial < 3; trial++) {
                if (counter.count(words(n, random)) != n) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether prompts are exact by construction, without counting each one. */
    boolean additive() {
        return additive;
    }

    /** Text of {@code tokens} tokens (or the closest whole-word fit where words split), words drawn from {@code random}. */
    public String build(int tokens, SplittableRandom random) {
        return additive ? words(tokens, random) : fitted(tokens, random);
    }

    private String words(int n, SplittableRandom random) {
        StringBuilder text = new StringBuilder(n * 6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }

    private String fitted(int n, SplittableRandom random) {
        StringBuilder text = new StringBuilder(n * 6);
        int[] ends = new int[Math.max(4, n)];
        int wordCount = 0;
        int below = 0; // a word count known to give fewer than n tokens
        int count = 0;
        for (int round = 0; count < n && round < MAX_FIT_ROUNDS; round++) {
            below = wordCount;
            for (int add = Math.max(1, n - count); add > 0; add--) {
                if (wordCount > 0) {
                    text.append(' ');
                }
                text.append(words[random.nextInt(words.length)]);
                if (wordCount == ends.length) {
                    ends = Arrays.copyOf(ends, wordCount * 2);
                }
                ends[wordCount++] = text.length();
            }
            count = counter.count(text.toString());
        }
        if (count == n) {
            return text.toString();
        }
        // The fewest words that reach n tokens lie in (below, wordCount]; bisect, then take the closer neighbour.
        int lo = below + 1;
        int hi = wordCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.count(text.substring(0, ends[mid - 1])) >= n) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        String over = text.substring(0, ends[hi - 1]);
        int overCount = counter.count(over);
        if (overCount == n || hi == 1) {
            return over;
        }
        String under = text.substring(0, ends[hi - 2]);
        return n - counter.count(under) < overCount - n ? under : over;
    }

    /** A well-spread seed for each (plan seed, index) pair (SplitMix64's finalizer). */
    public static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
