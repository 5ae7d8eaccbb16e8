import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';

// A Japanese how-to: an introduction in long paragraphs, then the steps, each one short line
// that says as much as an English sentence.
const INTRO = [
  '寒い季節には温かいスープが一番です。今回は、冷蔵庫にある野菜だけで簡単に作れる具だくさんの味噌汁の作り方を紹介します。忙しい朝でも十五分ほどで完成するので、ぜひ毎日の献立に取り入れてみてください。野菜の甘みがしっかり出て、子どもから大人まで喜ばれる一品です。',
  '材料は大根、にんじん、玉ねぎ、油揚げ、そして味噌と出汁だけです。季節によってはかぼちゃやきのこを加えても美味しく仕上がります。野菜は大きさをそろえて切ると火の通りが均一になり、食感もよくなります。まとめて切っておけば翌日の準備も楽になります。',
];
const STEPS = [
  '鍋に水と出汁を入れて強火で沸かします。',
  '大根とにんじんを入れて五分ほど煮ます。',
  '玉ねぎと油揚げを加えてさらに三分煮ます。',
  '火を止めてから味噌を溶き入れて完成です。',
];

describe('GIVEN a Japanese how-to whose steps are short lines after the last long paragraph', () => {
  it('THEN every step is kept, as a short Japanese line carries a whole sentence', () => {
    const html = `<!doctype html><html lang="ja"><head><title>味噌汁の作り方</title></head><body><article><h1>味噌汁の作り方</h1>${INTRO.map((p) => `<p>${p}</p>`).join('')}<h2>作り方</h2>${STEPS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const text = extractHtml(html, null).text;
    for (const step of STEPS) expect(text).toContain(step);
  });
});
