// Generates JSONata expressions over a few input documents and records what jsonata@2.0.6 answers
// (a value, undefined, or an error code), one case per line in corpus.jsonl. FakeAws's engine is
// compared against it by JsonataCorpusTests. Run: npm install jsonata@2.0.6 (into a folder of your
// choice, then NODE_PATH=that/node_modules) and `node generate.js`. The generator is seeded, so a
// rerun writes the same corpus.
'use strict';
const fs = require('fs');
const path = require('path');
const jsonata = require('jsonata');

const COUNT = Number(process.env.CASES || 3000);
const inputs = JSON.parse(fs.readFileSync(path.join(__dirname, 'inputs.json'), 'utf8'));

const { random, pick, chance } = require('./seeded')(20240506);

// Leaves by the type they usually produce; generated operands mix types on purpose, so the
// corpus holds type errors as well as values.
const numbers = () => pick(['0', '1', '2', '3', '-1', '2.5', '-0.75', '10', '1e3', '0.1', '7', '100', 'n', 'price', 'items[0].v', '$count(items)', 'nested.deep.x']);
const strings = () => pick(["'a'", "'Hello'", "''", "'a,b,c'", "' padded '", "'ÄÖü'", "'42'", "'3.5'", 's', 'name', "items[0].name", "'x\\ny'", "'tab\\there'"]);
const arrays = () => pick(['items', 'items.v', 'items.name', 'tags', 'nums', '[1,2,3]', '[]', "['b','a','c']", '[1..4]', 'items[v>1]', 'nested.list', '[3,1,2]', "items.tags"]);
const objects = () => pick(['$', 'nested', 'items[0]', "{'a':1,'b':2}", '{}', 'nested.deep']);
const anyLeaf = () => pick([numbers, strings, arrays, objects, () => pick(['true', 'false', 'null', 'missing', 'flag', 'nothing'])])();

const unary = [
  ['$string', 1], ['$number', 1], ['$length', 1], ['$uppercase', 1], ['$lowercase', 1], ['$trim', 1], ['$boolean', 1], ['$not', 1],
  ['$exists', 1], ['$type', 1], ['$count', 1], ['$sum', 1], ['$max', 1], ['$min', 1], ['$average', 1], ['$abs', 1], ['$floor', 1],
  ['$ceil', 1], ['$sqrt', 1], ['$keys', 1], ['$reverse', 1], ['$distinct', 1], ['$sort', 1], ['$merge', 1], ['$round', 1], ['$spread', 1],
];
const binary = [
  ['$substring', 2], ['$substringBefore', 2], ['$substringAfter', 2], ['$contains', 2], ['$split', 2], ['$join', 2], ['$round', 2],
  ['$power', 2], ['$lookup', 2], ['$append', 2], ['$pad', 2], ['$zip', 2], ['$string', 2],
];
const ternary = [['$substring', 3], ['$replace', 3], ['$split', 3], ['$pad', 3]];
const lambdas = [
  "$map(ARR, function($v){ $v })", "$map(ARR, function($v, $i){ $i })", "$filter(ARR, function($v){ $v })",
  "$reduce(ARR, function($a, $b){ $a + $b })", "$sort(ARR, function($a, $b){ $a > $b })", "$each(OBJ, function($v, $k){ $k })",
  "$sift(OBJ, function($v){ $v })", "$single(ARR, function($v){ $v = 1 })",
];
const operators = ['+', '-', '*', '/', '%', '&', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in'];

function expression(depth) {
  if (depth <= 0 || chance(0.25)) {
    return anyLeaf();
  }
  switch (Math.floor(random() * 11)) {
    case 0: case 1: return `${expression(depth - 1)} ${pick(operators)} ${expression(depth - 1)}`;
    case 2: { const [f] = pick(unary); return `${f}(${expression(depth - 1)})`; }
    case 3: { const [f] = pick(binary); return `${f}(${expression(depth - 1)}, ${expression(depth - 1)})`; }
    case 4: { const [f] = pick(ternary); return `${f}(${expression(depth - 1)}, ${expression(depth - 1)}, ${expression(depth - 1)})`; }
    case 5: return `(${expression(depth - 1)} ? ${expression(depth - 1)} : ${expression(depth - 1)})`;
    case 6: return `[${expression(depth - 1)}, ${expression(depth - 1)}]`;
    case 7: return `{'k': ${expression(depth - 1)}, 'm': ${expression(depth - 1)}}`;
    case 8: return `${arrays()}[${pick(['0', '-1', '1', 'v > 1', '$ = 2', "name = 'b'", '$string($) = "a"', 'true'])}]`;
    case 9: return `($x := ${expression(depth - 1)}; ${pick(['$x', '$x + 1', "$x & '!'", '[$x]', '$count($x)', '$type($x)'])})`;
    default: return pick(lambdas).replace('ARR', arrays()).replace('OBJ', objects());
  }
}

function errorCode(e) {
  return typeof e.code === 'string' ? e.code : 'UNKNOWN';
}

function isFunction(value) {
  return typeof value === 'function' || (value !== null && typeof value === 'object' && (value._jsonata_lambda || value._jsonata_function));
}

async function main() {
  const seen = new Set();
  const lines = [];
  let attempts = 0;
  while (lines.length < COUNT && attempts < COUNT * 20) {
    attempts++;
    const expr = expression(1 + Math.floor(random() * 3));
    const input = Math.floor(random() * inputs.length);
    const key = `${input}|${expr}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const record = { expr, input };
    try {
      const result = await jsonata(expr).evaluate(inputs[input]);
      if (isFunction(result) || JSON.stringify(result, (k, v) => (isFunction(v) ? undefined : v)) !== JSON.stringify(result)) {
        continue;
      }
      if (result === undefined) {
        record.undefined = true;
      } else if (typeof result === 'number' && !Number.isFinite(result)) {
        continue;
      } else {
        record.result = result;
      }
    } catch (e) {
      record.error = errorCode(e);
    }
    lines.push(JSON.stringify(record));
  }
  fs.writeFileSync(path.join(__dirname, 'corpus.jsonl'), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} cases`);
}

main();
