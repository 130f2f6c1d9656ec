// Records what jsonata@2.0.6 answers for hand-written expressions of the features generate.js does
// not produce (function application, regular expressions, ranges, step-bound predicates, the
// higher-order functions with every argument form), one case per line in features.jsonl in
// corpus.jsonl's format, over the same inputs. Run as generate.js: NODE_PATH=<folder>/node_modules node features.js
'use strict';
const fs = require('fs');
const path = require('path');
const jsonata = require('jsonata');

const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'inputs.json'), 'utf8'));

const expressions = [
  "s ~> $uppercase()", "s ~> $substring(1, 2)", "'a,b,c' ~> $split(',') ~> $join('-')", "($f := $uppercase ~> $trim; $f(' x '))",
  "items.v ~> $sum()", "nums ~> $sort() ~> $reverse()", "n ~> $string()", "s ~> $length", "items ~> $count", "1 ~> 2",
  "$contains(s, /b/)", "$contains(s, /B/i)", "$contains(name, /^A/)", "$split('a1b22c', /[0-9]+/)", "$split(s, /,\\s*/)",
  "$replace(s, /[aeiou]/, '*')", "$replace(s, /(\\w)(\\w)/, '$2$1')", "$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')",
  "$replace(s, /l/, '$$')", "$replace(s, /o/, function($m){ $uppercase($m.match) })", "$replace(s, /x*/, 'y')", "$replace(s, /l/, 'L', 1)",
  "$match(s, /[a-z]+/)", "$match(s, /[a-z]+/).match", "$match(s, /([a-z])([a-z])/, 1).groups", "$match('ab12cd34', /[0-9]+/).index", "$match(s, /zzz/)",
  "6 / 2 / 3", "n / 2", "items.v / 1",
  "[1..4]", "[0..0]", "[3..1]", "[1..3, 7]", "[[1..3]]", "[1.5..3]", "[1..'a']", "[n..5]", "$count([1..1000])", "[missing..3]",
  "items.tags[0]", "items.tags[-1]", "items.v[0]", "nested.list[-1]", "nested.list[0]", "items[0].tags[0]", "items.name[1]", "items[v>1].name[0]",
  "$sort(items, function($a, $b){ $a.v < $b.v }).v", "$sort(['b', 'a', 'c'])", "$sort([3, 1, 2], function($a, $b){ $a < $b })", "$sort([1, 'a'])", "$sort(nums)",
  "$reduce(nums, function($a, $b){ $a + $b })", "$reduce(nums, function($a, $b){ $a + $b }, 100)", "$reduce([], function($a, $b){ $a + $b })",
  "$reduce(nums, function($a, $b, $i){ $a + $i }, 0)", "$reduce(nums, function($a){ $a })",
  "$each(nested.deep, function($v, $k){ $k & '=' & $v })", "$each({}, function($v){ $v })", "$sift(nested.deep, function($v){ $type($v) = 'number' })",
  "$sift($, function($v, $k){ $k = 'n' })", "$single(items, function($v){ $v.v = 2 }).name", "$single(nums)", "$single([7])",
  "$zip(nums, tags)", "$zip([1, 2], [3, 4], [5, 6])", "$zip(nums)", "$spread(nested.deep)", "$spread(items[0])", "$spread(5)",
  "$pad(s, 8)", "$pad(s, -8, '#')", "$pad(s, 8, 'xy')", "$pad(s, 1)", "$string(nested, true)", "$string(1/3)", "$string(1e21)", "$string(100000)",
  "$keys(items)", "$lookup(items, 'name')", "$lookup(items, 'tags')", "$distinct(nums)", "$distinct(items.tags)", "$append(nums, 9)", "$merge(items)",
  "$round(2.5)", "$round(3.5)", "$round(1234.5678, 2)", "$round(1234.5678, -2)", "$number('0x1F')", "$number('1e2')", "$number(' 12 ')",
  "$map(nums, function($v, $i, $a){ $count($a) })", "$filter(items, function($v, $i){ $i = 1 }).name", "$map(items, function($v){ $v.missing })",
  "n < 'a'", "n < true", "missing < 1", "'a' * missing", "missing * 'a'", "1 < 2 < 3", "n = n = true",
  "$substring(?, 1)(s)", "($f := $substring(?, 0, ?); $f(s, 2))", "$pad(?, 6, '*')(s)", "(function($a, $b){ $a - $b })(?, 1)(n)", "n(?)", "$map(tags, $pad(?, 3, '-'))",
  "items^(>v).name", "items^(name).v", "nums^($)", "nums^(>$)", "items^(missing).name", "items^(tags).name", "[1, 'a']^($)", "tags^($)", "missing^($)",
  "items^(>$count(tags), name).name", "items{name: v}", "items{$string(v > 1): name}", "items{'all': $sum(v)}", "nums{$string($): $count($)}",
  "items{v: name}", "items{'a': v, 'a': name}", "missing{'k': 1}", "items.tags{$: $}",
  "1 ?: 2", "missing ?? 3",
  "$base64encode(s)", "$base64decode($base64encode(s))", "$base64decode('aGVsbG8=')", "$base64decode('aGVsbG8')", "$encodeUrlComponent('a b&c=d/é?')",
  "$encodeUrl('https://x.test/a b?q=é&r=1#f')", "$decodeUrlComponent('a%20b%26%C3%A9')", "$decodeUrl('a%20b%26%3F%C3%A9')", "$decodeUrl('%E0%A4%A')",
  "$decodeUrlComponent('%ZZ')", "$encodeUrlComponent(s)", "$formatBase(100, 2)", "$formatBase(n, 16)", "$formatBase(-255.5, 16)", "$formatBase(35, 36)",
  "nested.*", "items.*", "items[0].*", "nested.deep.*", "items.*.v", "$.*", "nested.**", "items.**", "items.**.v", "nested.deep.**", "missing.*", "missing.**",
  "items[0].name[]", "items.name[]", "nested.deep[]", "nested.deep.x[]", "tags[]", "missing[]", "items[0][]", "items[v>2].v[]", "$count(items.v[])", "nested.list[]",
  "items.(v * 2)", "items.(tags)", "items.[v]", "items.{'n': name}", "items.$string(v)", "nums.($ + 1)", "items.(missing)", "nested.(deep.x)", "items.tags.$uppercase($)",
  "$formatBase(10, 1)", "$formatBase(12.5)", "$error('boom')", "$error()", "$assert(n > 100, 'too small')", "$assert(true)", "$assert(n = n)", "$assert(1)",
  "$count($shuffle(nums))", "$sort($shuffle(nums))", "$shuffle(missing)", "$shuffle([7])",
];

function errorCode(e) {
  return typeof e.code === 'string' ? e.code : 'UNKNOWN';
}

function isFunction(value) {
  return typeof value === 'function' || (value !== null && typeof value === 'object' && (value._jsonata_lambda || value._jsonata_function));
}

async function main() {
  const lines = [];
  for (const expr of expressions) {
    for (let input = 0; input < inputs.length; input++) {
      const record = { expr, input };
      try {
        const result = await jsonata(expr).evaluate(inputs[input]);
        if (isFunction(result)) {
          continue;
        }
        if (result === undefined) {
          record.undefined = true;
        } else {
          record.result = result;
        }
      } catch (e) {
        record.error = errorCode(e);
      }
      lines.push(JSON.stringify(record));
    }
  }
  fs.writeFileSync(path.join(__dirname, 'features.jsonl'), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} cases`);
}

main();
