// mulberry32: a small seeded generator, so that a corpus is reproducible. seeded(n) gives random()
// in [0, 1), pick(items) and chance(p) drawn from it.
'use strict';
module.exports = function seeded(initial) {
  let seed = initial;
  function random() {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return { random, pick: (items) => items[Math.floor(random() * items.length)], chance: (p) => random() < p };
};
