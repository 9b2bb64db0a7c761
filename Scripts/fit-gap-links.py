#!/usr/bin/env python3
"""Fits the gap pass's two thresholds (Comparator.Thresholds.gapBody, .gapNationalShare) to the hand-made truth,
with leave-one-pair-out cross-validation: for each truth pair, the thresholds chosen on the other pairs are scored
on it, so the figure says how the rule does on a pair it never saw.

usage: swift build && Scripts/fit-gap-links.py [CORPUS]   (CORPUS: Tests/Fixtures/corpus)
It runs `.build/debug/duizhao-bench features` (every candidate pair's features and the engine's link, if any) on
each truth pair, then replays the gap rule on the pairs the engine leaves unlinked. Run it on a build whose gap
pass is switched off (gapBody = 2) to fit from scratch; on the current build it shows what the rule adds on top."""
import collections, glob, json, os, re, subprocess, sys

corpus = sys.argv[1] if len(sys.argv) > 1 else 'Tests/Fixtures/corpus'
bench = '.build/debug/duizhao-bench'
norm = lambda s: re.sub(r'[\s\u3000]', '', s or '')

def f1(want, got):
    if not want and not got: return 1.0
    tp = len(want & got); p = tp / max(len(got), 1); r = tp / max(len(want), 1)
    return 2 * p * r / max(p + r, 1e-9)

pairs = []
for path in sorted(glob.glob(os.path.join(corpus, 'truth', '*.json'))):
    for key, truth in json.load(open(path, encoding='utf-8')).items():
        out = subprocess.run([bench, 'features', os.path.join(corpus, truth['national']), os.path.join(corpus, key)],
                             capture_output=True, text=True, check=True).stdout
        rows = [json.loads(line) for line in out.splitlines() if line.startswith('{')]
        pairs.append((key, truth, rows))

def score(truth, rows, body, share):
    want = {(norm(l['provincial']), norm(n)) for l in truth['links'] for n in l['national']}
    related = {(norm(x['provincial']), norm(x['national'])) for x in truth.get('related', [])}
    lab = lambda r: (norm(r['provincialLabel']), norm(r['nationalLabel']))
    got = {lab(r) for r in rows if r['engine']}
    linked = {a for a, _ in got}
    best = {}
    for r in rows:
        p = norm(r['provincialLabel'])
        if p in linked: continue
        rank = r['body'] + (0.05 * (1 - r['body']) if r['inOrder'] else 0)
        if p not in best or rank > best[p][0]: best[p] = (rank, r)
    got |= {lab(r) for _, r in best.values() if r['inOrder'] and r['body'] >= body and r['nationalShare'] >= share}
    scored = {x for x in got if x not in related or x in want}
    everyone = {norm(r['provincialLabel']) for r in rows}
    tp = len(want & scored)
    return (tp / max(len(scored), 1), tp / max(len(want), 1), f1(want, scored),
            f1(set(map(norm, truth.get('new', []))), everyone - {a for a, _ in got}))

grid = [(b, s) for b in (0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 2) for s in (0, 0.2, 0.3, 0.4, 0.5)]
table = {g: [score(t, rows, *g) for _, t, rows in pairs] for g in grid}
objective = lambda results: min(r[2] for r in results) + min(r[3] for r in results)
print('without the gap pass (gapBody 2): ' + '  '.join('%s F1 %.2f only %.2f' % (k.split('/')[0], *table[(2, 0)][i][2:])
                                                       for i, (k, _, _) in enumerate(pairs)))
fitted = max(grid, key=lambda g: objective(table[g]))
print('fitted on all pairs: gapBody %.2f gapNationalShare %.2f' % fitted)
for i, (key, _, _) in enumerate(pairs):
    chosen = max(grid, key=lambda g: objective([r for j, r in enumerate(table[g]) if j != i]))
    print('%-32s in-sample P %.2f R %.2f F1 %.2f only %.2f | held out %s: P %.2f R %.2f F1 %.2f only %.2f'
          % ((key,) + table[fitted][i] + (chosen,) + table[chosen][i]))
