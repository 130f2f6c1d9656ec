// Records whether jsonata@2.0.6 parses each of many expressions, and when it does not, its error
// code and message (the text AWS reports as INVALID_JSONATA_EXPRESSION), one case per line in
// syntax.jsonl: {"expr": ..., "parses": true} or {"expr": ..., "code": "S0202", "message": ...}.
// The expressions are those of corpus.jsonl and features.jsonl, hand-written syntax errors of every
// kind jsonata's parser reports, deep nesting, and seeded mutations of the others (a character
// removed, inserted or swapped, the text cut short). Run as generate.js:
// NODE_PATH=<folder>/node_modules node syntax.js
'use strict';
const fs = require('fs');
const path = require('path');
const jsonata = require('jsonata');

const { random, pick } = require('./seeded')(20251205);

const recorded = (file) => fs.readFileSync(path.join(__dirname, file), 'utf8').split('\n').filter(l => l).map(l => JSON.parse(l).expr);
const seeds = [...new Set([...recorded('corpus.jsonl'), ...recorded('features.jsonl')])];

const handWritten = [
  // S0101-S0106: the tokenizer
  "'abc", '"abc', "'a\\'", '1e999', '"\\q"', "'\\x41'", '"\\u12"', '"\\u12g4"', '`name', '1 /* comment', '/* */', '/* a */ 1',
  // S0201-S0217: the parser
  '1 2', 'a b', '(1', '[1, 2', '{"a": 1', 'a[1,2)', 'a[1', '$f(1, 2', '1 +', '1 *', '-', '$x :=', '{"a":}', '{"a" 1}', '{1: 2, }',
  '[1,]', '(1;)', '()', '(;)', 'a.', '.a', 'a..b', '1..2', '[1..]', '[..2]', 'a ! b', 'a ~ b', 'a !', 'a === b', 'a <> b',
  'function(a){1}', 'function($a, 1){1}', 'function($a){', 'function($a)', 'function', 'λ($x){$x}', 'function($x)<n:n>{$x}',
  'function($x)<n:n{$x}', 'function($x)<(n<s>):n>{$x}', 'function($x)<s<s>>{$x}', 'function($x)<a<n>>{$x}',
  'a{"k": 1}[0]', 'a{"k": 1}{"j": 2}', '1 := 2', 'a := 1', '"a" := 1', 'a@1', 'a@$x', 'a#1', 'a#$i', 'a[0]@$x', 'a^(b)@$x',
  'a.1', 'a.true', 'a.null', 'a."b"', 'a.`b c`', '%', '%.a', 'a.%', 'a.b.%.c', '$.a', '$$.a', '$', '$$', '*', '**', 'a.*', 'a.**.b',
  'and', 'or', 'in', 'a.and', 'and.or', 'a and', 'a or or', 'in in in', '|a|{}|', '|a|{}, ["b"]|', '|a|{}', '| a |', '$ ~> |a|{}|',
  '?', 'a ?', 'a ? b', 'a ? b :', 'a ? : b', 'a ?: b', 'a ?? b', ':', ';', ',', ')', ']', '}', 'a)', 'a]', 'a}', '1;2', '(1;2)',
  '/', '//', '/a', '/a/', '/a/g', '/a/im', '/(/', '/[/]/', '/a/ /b/', '$match("a", /abc', '$replace(s, /x/, "y"', 'a[]', 'a[][]',
  'a[0][]', 'a^()', 'a^(', 'a^(<b,)', 'a^(>)', 'a{}', 'a{', 'a{"x":1,}', '{}', '[]', '{"a":1}.a', '[1,2][0]', '"s"[0]', '1[0]',
  '$f(?)', '$f(?, ?)', '$f(?x)', 'a(?)', '(?)', '[?]', 'a ~> $f', 'a ~> ', '~> $f', '$a.$b', 'a.$', 'a.(b)', 'a.[b]', 'a.{"k":b}',
  'a.b(1)', 'a.$f(1)', 'a.-1', '- - 1', '--1', '-a', '-"s"', '-(1)', '1 - -1', 'a-b', 'a-1', '1e3', '1E+3', '1e-3', '0.5', '.5',
  '5.', '01', '00', '1.2.3', '0x10', '1_000', 'NaN', 'Infinity', '"\\u00e9"', "'\\/'", '"\\b\\f\\n\\r\\t\\"\\\\"', '`a``b`',
  'é', 'aé', 'a b c', '\ta\n', ' ', '', '@', '#', '@$x', '#$i', '&', '& 1', '1 &', '=', '!= 1', '<', '>=', '^', '^(a)', '..',
  ':= 1', '$x := $y := 1', '($x := 1; $x)', '($x := 1;)', '(1;;2)', '[1;2]', '{"a":1;"b":2}', '{"a":1,"b":2}', '{a:1}', '{"a"}',
  '{,}', '[,]', '(,)', '$f(,)', '$f(1,)', '$f(1 2)', 'a[0', 'a[0]]', 'a[[0]]', '((((1))))', '((((1)))', '$sum([1,2,3]', 'a(b)(c)',
  'function($x){$x}(1)', '(function($x){$x})(1)', 'function($x){$x}<n:n>', '$x<3', '$x<3>', '<', 'a<b>c', 'a.b[c>1].d{e: f}^(g)',
  'a.b{c: d}[0]', 'a{b: c}{d: e}', 'a[0]{b: c}', 'a^(b)[0]', 'a^(b){c: d}', 'a@$x[0]', 'a#$i[0]', 'a[0]#$i', 'a@$x#$i', 'a#$i@$x',
  'a^(b)#$i', 'a@$x.b', 'a.b@$x.c', 'a@b', 'a#b', 'a@$x@$y', 'a^(b)@$x', '$.%', '%.%', '(%)', '[%]', '{"a": %}', '$f(%)',
  'a.(%)', 'a.[%]', 'a.b.(%.c)', 'a.$f(%.b)', 'a[%.b]', 'a.b[%.c = 1]', 'a ? % : 1', 'a.(b ? % : 1)', 'a.(b; %)', 'a.{"k": %}',
  'true.a', 'null', 'a.null.b', 'true', '"a"."b"', '"a".b', 'a."b".c', '$.1', '1.a', '1 .a', '[1].a', '{"a":1}.("a")',
  '/* unterminated', '1 /* a */ + /* b */ 2', '/**/1', '1/**/', '/*/ 1', '"/*"', "'*/'",
];

const deep = [];
for (const n of [10, 50, 100, 150]) {
  deep.push('('.repeat(n) + '1' + ')'.repeat(n));
  deep.push('('.repeat(n) + '1' + ')'.repeat(n - 1));
  deep.push('['.repeat(n) + '1' + ']'.repeat(n));
  deep.push('['.repeat(n) + '1' + ']'.repeat(n + 1));
  deep.push('{"a":'.repeat(n) + '1' + '}'.repeat(n));
  deep.push('$f('.repeat(n) + '1' + ')'.repeat(n));
  deep.push('-'.repeat(n) + '1');
  deep.push('a' + '.b'.repeat(n));
  deep.push('1' + ' + 1'.repeat(n));
  deep.push('a' + '[0]'.repeat(n));
  deep.push('true ? '.repeat(n) + '1' + ' : 2'.repeat(n));
}

const inserts = ['(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '..', '?', '|', '@', '#', '%', '^', '~>', ':=', '$', '"', "'", '`', '/', '*', '!', '~', ' ', '1', 'a', '&', '=', '<', '>', '-', '+'];
function mutate(expr) {
  const at = Math.floor(random() * (expr.length + 1));
  switch (Math.floor(random() * 4)) {
    case 0: return expr.slice(0, at) + expr.slice(at + 1);
    case 1: return expr.slice(0, at) + pick(inserts) + expr.slice(at);
    case 2: return expr.slice(0, at);
    default: {
      const other = Math.floor(random() * expr.length);
      const chars = [...expr];
      [chars[at], chars[other]] = [chars[other], chars[at]];
      return chars.join('');
    }
  }
}
const mutations = [];
for (let i = 0; i < 3000; i++) {
  mutations.push(mutate(pick([...seeds, ...handWritten])));
}

const seen = new Set();
const out = [];
for (const expr of [...seeds, ...handWritten, ...deep, ...mutations]) {
  if (seen.has(expr)) continue;
  seen.add(expr);
  try {
    jsonata(expr);
    out.push(JSON.stringify({ expr, parses: true }));
  } catch (e) {
    if (!e.code) {
      // jsonata fails without a code: a JavaScript RegExp it cannot build, or its own crash. Not a case.
      continue;
    }
    out.push(JSON.stringify({ expr, code: e.code, message: e.message }));
  }
}
fs.writeFileSync(path.join(__dirname, 'syntax.jsonl'), out.join('\n') + '\n');
console.log(`${out.length} cases`);
