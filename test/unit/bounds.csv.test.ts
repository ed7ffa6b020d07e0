import { expect } from 'chai';
import { readCsv, unescapeFormula, writeCsv } from '../../src/progress/imports/csv.ts';

describe('CSV helpers (csv-parse / csv-stringify)', () => {
  it('writeCsv() – every formula trigger, full-width ones too, gets one leading quote; unescapeFormula() takes it off', () => {
    const cells = ['=1+1', '+1', '-1', '@x', '\tx', '\rx', '＝1', '＋1', '－1', '＠x'];
    const { rows } = readCsv(writeCsv([cells]));
    expect(rows[0].cells).to.deep.equal(cells.map((c) => `'${c}`));
    expect(rows[0].cells.map(unescapeFormula)).to.deep.equal(cells);
    expect(writeCsv([['safe', "'quoted", 5, null]])).to.equal("safe,'quoted,5,\r\n");
    expect(unescapeFormula("'quoted")).to.equal("'quoted");
  });

  it('readCsv() – a cap on records – reads that many and says there is more', () => {
    const text = 'a\nb\nc\nd\n';
    expect(readCsv(text, 3)).to.deep.equal({
      rows: [
        { line: 1, cells: ['a'] },
        { line: 2, cells: ['b'] },
        { line: 3, cells: ['c'] },
      ],
      more: true,
    });
    expect(readCsv(text, 4).more).to.equal(false);
  });
});
