import { expect } from 'chai';
import { addDays, daysBetween, daysFromTo, instantAt, isDay, isoWeekday, localDay, localTime } from '../../src/day.ts';

describe('day', () => {
  it('localDay() – 00:30 KST – is that KST day although UTC is still the previous day', () => {
    const instant = new Date('2026-03-01T15:30:00Z'); // 2026-03-02 00:30 KST
    expect(localDay(instant, 'Asia/Seoul')).to.equal('2026-03-02');
    expect(localDay(instant, 'UTC')).to.equal('2026-03-01');
    expect(localTime(instant, 'Asia/Seoul')).to.equal('00:30');
  });

  it('localDay() – America/New_York – gives the learner their own date', () => {
    expect(localDay(new Date('2026-07-01T03:00:00Z'), 'America/New_York')).to.equal('2026-06-30');
  });

  it('localDay() – asked minute by minute across midnights, zones and clock changes – matches the formatter each time', () => {
    const formatted = (instant: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    // Seoul's midnight, New York's spring-forward and fall-back days, Santiago (its clock change is at midnight), and
    // a half-hour zone, asked in time order as requests do, then out of order.
    const runs: [string, string][] = [
      ['Asia/Seoul', '2026-03-01T14:00:00Z'],
      ['America/New_York', '2026-03-08T04:00:00Z'],
      ['America/New_York', '2026-11-01T03:00:00Z'],
      ['America/Santiago', '2026-09-06T02:00:00Z'],
      ['America/Santiago', '2026-04-05T02:00:00Z'],
      ['Asia/Kolkata', '2026-06-30T17:00:00Z'],
    ];
    for (const [zone, from] of runs)
      for (let minute = 0; minute < 48 * 60; minute += 17) {
        const instant = new Date(Date.parse(from) + minute * 60_000);
        expect(localDay(instant, zone), `${zone} ${instant.toISOString()}`).to.equal(formatted(instant, zone));
      }
    const back = new Date('2026-03-01T14:59:59Z');
    expect(localDay(back, 'Asia/Seoul')).to.equal('2026-03-01');
    expect(localDay(new Date('2026-03-01T15:00:00Z'), 'Asia/Seoul')).to.equal('2026-03-02');
    expect(localDay(back, 'Asia/Seoul')).to.equal('2026-03-01');
  });

  it('instantAt() – 21:00 in Seoul and New York – maps wall time to the right instant, DST included', () => {
    expect(instantAt('2026-11-28', '21:00', 'Asia/Seoul').toISOString()).to.equal('2026-11-28T12:00:00.000Z');
    expect(instantAt('2026-07-01', '21:00', 'America/New_York').toISOString()).to.equal('2026-07-02T01:00:00.000Z');
    expect(instantAt('2026-12-01', '21:00', 'America/New_York').toISOString()).to.equal('2026-12-02T02:00:00.000Z');
  });

  it('daysFromTo() – across month ends, leap days and years, empty and odd input – the same days as addDays steps', () => {
    const stepped = (from: string, to: string) => {
      const out: string[] = [];
      for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
      return out;
    };
    for (const [from, to] of [
      ['2023-12-25', '2025-03-05'],
      ['2028-02-27', '2028-03-01'],
      ['2100-02-27', '2100-03-01'],
      ['2000-02-28', '2000-03-01'],
      ['0999-12-30', '1000-01-02'],
      ['2026-11-28', '2026-11-28'],
      ['2026-11-28', '2026-11-27'],
    ])
      expect(daysFromTo(from, to), `${from}..${to}`).to.deep.equal(stepped(from, to));
    expect(daysFromTo('2024-12-30', '2025-01-02')).to.deep.equal([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
  });

  it('isDay() – malformed or impossible dates – are refused', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', 'today', null])
      expect(isDay(bad), String(bad)).to.equal(false);
    expect(isDay('2028-02-29')).to.equal(true);
  });

  it('addDays(), daysBetween(), isoWeekday() – across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(daysBetween('2026-11-28', '2026-12-10')).to.equal(12);
    expect(daysBetween('2026-12-10', '2026-11-28')).to.equal(-12);
    expect(isoWeekday('2026-11-28')).to.equal(6); // a Saturday
    expect(isoWeekday('2026-11-29')).to.equal(7);
  });
});
