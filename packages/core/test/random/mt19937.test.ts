import { describe, expect, it } from 'vitest';
import { MT19937_STATE_LENGTH, mt19937Create, mt19937NextDouble, mt19937NextUint32, mt19937SetState } from '../../src/random/mt19937.ts';
import data from '../fixtures/random.json' with { type: 'json' };

describe('mt19937Create', () => {
  it('seeds with init_genrand exactly as np.random.RandomState(seed).get_state()[1]', () => {
    for (const [seed, entry] of Object.entries(data.seeds)) {
      const gen = mt19937Create(Number(seed));
      // numpy 2.4: np.random.RandomState(seed).get_state()[1][:8]
      expect(Array.from(gen.key.subarray(0, 8))).toEqual(entry.keyHead);
      expect(gen.pos).toBe(MT19937_STATE_LENGTH);
    }
  });

  it('shares memory between key and its int32 view', () => {
    const gen = mt19937Create(1);
    gen.words[0] = -1;
    expect(gen.key[0]).toBe(4294967295);
  });
});

describe('mt19937NextDouble', () => {
  it('is RandomState.random_sample bit for bit', () => {
    for (const [seed, entry] of Object.entries(data.seeds)) {
      const gen = mt19937Create(Number(seed));
      // numpy 2.4: [rs.random_sample() for _ in range(10)]
      const got = entry.randomSample.map(() => mt19937NextDouble(gen));
      expect(got).toEqual(entry.randomSample);
    }
  });

  it('builds each double from two consecutive tempered words', () => {
    const a = mt19937Create(42);
    const b = mt19937Create(42);
    const hi = mt19937NextUint32(b) >>> 5;
    const lo = mt19937NextUint32(b) >>> 6;
    expect(mt19937NextDouble(a)).toBe((hi * 67108864 + lo) / 9007199254740992);
    expect(a.pos).toBe(2);
  });

  it('twists across the 624-word boundary', () => {
    const gen = mt19937Create(42);
    for (let i = 0; i < 1000; i++) {
      const u = mt19937NextDouble(gen);
      expect(u >= 0 && u < 1).toBe(true);
    }
    // 2000 words: four twists (at words 0, 624, 1248, 1872), then 128 more.
    expect(gen.pos).toBe(2000 % MT19937_STATE_LENGTH);
  });
});

describe('mt19937SetState', () => {
  it('resumes mid-key with the tempered words of the new key, not those of the old one', () => {
    const source = mt19937Create(42);
    for (let i = 0; i < 100; i++) mt19937NextUint32(source);
    const saved = { key: source.key.slice(), pos: source.pos };
    const want = Array.from({ length: 1000 }, () => mt19937NextUint32(source));
    // A generator whose key and tempered words are another seed's, twisted once.
    const target = mt19937Create(7);
    mt19937NextUint32(target);
    mt19937SetState(target, saved.key, saved.pos);
    expect(Array.from({ length: 1000 }, () => mt19937NextUint32(target))).toEqual(want);
  });
});
