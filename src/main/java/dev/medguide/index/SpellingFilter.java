package dev.medguide.index;

import java.util.Collection;

/**
 * A Bloom filter of the lexicon's spellings, so that the static search can segment a query against
 * the index's vocabulary without loading any file for it: {@link #BITS_PER_SPELLING} bits and
 * {@link #PROBES} probes per spelling give about one false positive in 250,000 lookups (a long
 * query makes a few hundred), and never a false negative. A false positive makes the segmenter
 * take, at that place, a longer word than the index has, which then matches nothing there.
 *
 * <p>Probes use double hashing over two FNV-1a hashes of the UTF-16 code units with different
 * offset bases (the second one mixed as in MurmurHash3's finaliser); the bits are written six to a
 * character of the base64 alphabet, bit {@code i} in character {@code i / 6} with weight {@code 1
 * << (i % 6)}. The JavaScript engine ({@code engine.js}, {@code inFilter}) computes the same.
 */
final class SpellingFilter {
  static final int BITS_PER_SPELLING = 26;
  static final int PROBES = 18;
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final boolean[] bits;

  SpellingFilter(Collection<String> spellings) {
    int size = Math.max(64, spellings.size() * BITS_PER_SPELLING);
    bits = new boolean[(size + 5) / 6 * 6];
    for (String spelling : spellings) {
      for (int probe = 0; probe < PROBES; probe++) {
        bits[index(spelling, probe, bits.length)] = true;
      }
    }
  }

  boolean mightContain(String spelling) {
    for (int probe = 0; probe < PROBES; probe++) {
      if (!bits[index(spelling, probe, bits.length)]) {
        return false;
      }
    }
    return true;
  }

  /** The bits, six to a character. */
  String encoded() {
    StringBuilder out = new StringBuilder(bits.length / 6);
    for (int i = 0; i < bits.length; i += 6) {
      int value = 0;
      for (int b = 0; b < 6; b++) {
        if (bits[i + b]) {
          value |= 1 << b;
        }
      }
      out.append(ALPHABET.charAt(value));
    }
    return out.toString();
  }

  int size() {
    return bits.length;
  }

  static int index(String spelling, int probe, int size) {
    int first = fnv(spelling, 0x811c9dc5);
    int second = mix(fnv(spelling, 0x9747b28c)) | 1;
    return (int) (Integer.toUnsignedLong(first + probe * second) % size);
  }

  private static int fnv(String text, int basis) {
    int hash = basis;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x01000193;
    }
    return hash;
  }

  private static int mix(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    hash ^= hash >>> 16;
    return hash;
  }
}
